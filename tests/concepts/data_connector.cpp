// lolpop::data_connector: one hand-made connector per requirement, each lacking only that one;
// the chunked capability, and a reader that cannot say its columns.
#include <lolpop/concepts/data_connector.hpp>

#include "archetype.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

template <bool Get, bool Save>
struct connector : archetype::component_base {
    using component_base::component_base;
    lolpop::frame get_data(const std::string&)
        requires Get;
    void save_data(const lolpop::frame&, const std::string&)
        requires Save;
};
static_assert(lolpop::data_connector<connector<true, true>>);
static_assert(!lolpop::has_get_data<connector<false, true>> && !lolpop::data_connector<connector<false, true>>);
static_assert(!lolpop::has_save_data<connector<true, false>> && !lolpop::data_connector<connector<true, false>>);

// get_data handing back the file's text rather than a frame.
struct reads_text : connector<false, true> {
    using connector::connector;
    std::string get_data(const std::string&);
};
static_assert(!lolpop::has_get_data<reads_text> && !lolpop::data_connector<reads_text>);

template <bool Names>
struct reader {
    std::vector<std::string> names() const
        requires Names;
    std::optional<lolpop::frame> next(std::size_t max_rows);
    std::uint64_t bytes_read() const;
    std::uint64_t total_bytes() const;
};
struct writer {
    void append(const lolpop::frame&);
    void commit();
};
template <bool Names>
struct chunked : connector<true, true> {
    using connector::connector;
    reader<Names> read_chunks(const std::string&);
    writer write_chunks(const std::string&);
};
static_assert(lolpop::chunk_reader<reader<true>> && lolpop::chunk_writer<writer>);
static_assert(lolpop::chunked_data_connector<chunked<true>>);
static_assert(!lolpop::chunk_reader<reader<false>> && !lolpop::chunked_data_connector<chunked<false>>);
// A connector without chunks is still a connector, and offline_predict reads its input whole.
static_assert(!lolpop::chunked_data_connector<connector<true, true>>);

}  // namespace
