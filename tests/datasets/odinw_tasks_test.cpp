// The embedded ODinW task table against GLIP's configs (configs/odinw_13: 13 yamls, the paper's
// Table; configs/odinw_35: 35).

#include "datasets/odinw_tasks.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace ovbench {
namespace {

TEST(OdinwTasks, ListSizesAreThirteenAndThirtyFive) {
  EXPECT_EQ(odinw_task_names("odinw13").size(), 13U);
  EXPECT_EQ(odinw_task_names("odinw35").size(), 35U);
  EXPECT_EQ(odinw_tasks("odinw13").size(), 13U);
}

TEST(OdinwTasks, PaperNameSelectsTheConfigTaskAndItsValPath) {
  const auto tasks = odinw_tasks("Aquarium,pothole");
  ASSERT_EQ(tasks.size(), 2U);
  EXPECT_EQ(tasks[0].name, "Aquarium_Aquarium_Combined.v2-raw-1024.coco");
  EXPECT_EQ(tasks[1].name, "pothole");
  EXPECT_EQ(odinw_split_file(tasks[1], "R", "val").string(),
            "R/pothole/valid/annotations_without_background.json");
  EXPECT_EQ(odinw_fewshot_train_file(tasks[1], "R", 5, 30).string(),
            "R/pothole/train/fewshot_train_shot5_seed30.json");
}

TEST(OdinwTasks, UnknownTaskOrSplitIsAUsageError) {
  EXPECT_THROW(odinw_tasks("NoSuchTask"), UsageError);
  EXPECT_THROW(odinw_split_file(odinw_tasks("pothole")[0], "R", "minival"), UsageError);
}

}  // namespace
}  // namespace ovbench
