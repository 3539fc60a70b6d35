#pragma once
// Precise messages for malformed JSON. The fast parsers (simdjson) say little about where a
// document breaks; on that rare path we re-read the bytes with nlohmann's SAX parser, which
// knows the byte offset, and keep the path of the value being read (annotations[12].bbox).

#include <cstddef>
#include <optional>
#include <string>

namespace ovbench {

// The InputError message for a malformed document, or nullopt when nlohmann reads it fine.
std::optional<std::string> describe_json_syntax_error(const std::string& file, const char* data,
                                                      std::size_t size);

// 1-based line and column of a byte offset.
std::pair<std::size_t, std::size_t> line_and_column(const char* data, std::size_t size,
                                                    std::size_t offset);

}  // namespace ovbench
