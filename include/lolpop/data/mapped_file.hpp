#pragma once
// A whole file mapped read-only into memory, so that large data is read in place instead of copied.
#include <filesystem>
#include <memory>
#include <string_view>

namespace lolpop {

class mapped_file {
public:
    // `populate` reads the whole file in while mapping (MAP_POPULATE): one pass over the file
    // instead of a page fault per 4 KiB when every byte is read anyway (to hash it). Throws
    // lolpop::error "cannot read file: <reason>" naming the path.
    static std::shared_ptr<const mapped_file> open(const std::filesystem::path& path, bool populate = true);

    ~mapped_file();
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;

    // The file's bytes, page aligned; valid while this object lives.
    std::string_view bytes() const noexcept { return {data_, size_}; }

    // Gives back the memory of the whole pages inside bytes [begin, end): a reader done with a
    // stretch of a large file keeps the process's memory to what it has not read yet. The bytes
    // stay readable: touched again, the pages are read back from the file.
    void release(std::size_t begin, std::size_t end) const noexcept;

private:
    mapped_file(const char* data, std::size_t size) noexcept : data_(data), size_(size) {}

    const char* data_;
    std::size_t size_;
};

}  // namespace lolpop
