#pragma once
// Class names of a segmentation benchmark: a built-in list (ade20k-150, pascal-context-59,
// coco-stuff-171 from datasets/data/seg_classes.json) or a file holding a JSON array of names
// or one name per line. Label i is the i-th name.

#include <string>
#include <vector>

namespace ovbench {

std::vector<std::string> segmentation_class_names(const std::string& spec);

}  // namespace ovbench
