#include <lolpop/components/data_connector/csv_data_connector.hpp>

#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

namespace lolpop {

csv_data_connector::csv_data_connector(const config& cfg, context& ctx) : context_(&ctx) {
    const std::string_view d = cfg.delimiter;
    // A quote or a line break as delimiter would make every field ambiguous.
    if (d.size() != 1 || d == "\"" || d == "\n" || d == "\r")
        throw error(
            fmt::format("the delimiter must be one character other than a quote or a line break, got \"{}\"", d),
            "csv_data_connector.delimiter");
    options_.delimiter = d.front();
    for (const auto& [column, type] : cfg.column_types)
        (void)parse_column_type(type, "csv_data_connector.column_types." + column);
    options_.column_types = cfg.column_types;
    options_.missing_values = cfg.missing_values;
    if (cfg.max_field_bytes == 0) throw error("must be at least 1", "csv_data_connector.max_field_bytes");
    if (cfg.max_record_bytes == 0) throw error("must be at least 1", "csv_data_connector.max_record_bytes");
    options_.max_field_bytes = cfg.max_field_bytes;
    options_.max_record_bytes = cfg.max_record_bytes;
}

frame csv_data_connector::get_data(const std::string& path) const {
    csv_read_notes notes;
    frame data = read_csv_file(path, options_, &notes);
    for (const auto& mixed : notes.mixed_columns)
        context_->log(log_level::warn,
                      fmt::format("column '{}' of {} holds numbers and text (first text '{}' at line {}): read as "
                                  "categorical; set column_types.{} to declare it",
                                  mixed.column, path, mixed.text, mixed.line, mixed.column));
    context_->log(log_level::debug, fmt::format("read {} rows and {} columns from {}", data.rows(), data.cols(), path));
    return data;
}

void csv_data_connector::save_data(const frame& data, const std::string& path) const {
    write_file_atomically(path, to_csv(data, options_.delimiter));
    context_->log(log_level::debug, fmt::format("wrote {} rows and {} columns to {}", data.rows(), data.cols(), path));
}

csv_chunk_reader csv_data_connector::read_chunks(const std::string& path) const { return csv_chunk_reader(path, options_); }

csv_chunk_writer csv_data_connector::write_chunks(const std::string& path) const {
    return csv_chunk_writer(path, options_.delimiter);
}

}  // namespace lolpop
