#pragma once
// A column that changes type between versions of one dataset (numeric last time, categorical now,
// because of one stray cell) or disappears would silently change what models learn from: it
// stops process before the new version is stored.
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <string>

namespace lolpop::detail {

// Throws lolpop::error naming the column and both types (or that it is gone) when `data` differs
// from `previous`, the dataset's last version `previous_id`; new columns are fine, and so is
// integer <-> numeric (a numeric column whose values happen to be whole reads as integer): both
// are numbers to a model. `where` names the step.
inline void require_same_column_types(const frame& previous, const std::string& previous_id, const frame& data,
                                      const std::string& where) {
    for (const auto& name : previous.names()) {
        const std::string was(to_string(previous[name].type()));
        if (!data.has(name))
            throw error("column '" + name + "' (" + was + " in the previous version " + previous_id + ") is gone", where);
        const std::string is(to_string(data[name].type()));
        const bool numbers = previous[name].type() != column_type::categorical && data[name].type() != column_type::categorical;
        if (was != is && !numbers)
            throw error("column '" + name + "' is " + is + " now but was " + was + " in the previous version " + previous_id +
                            ": declare its type (column_types) or cast it in the data transformer",
                        where);
    }
}

}  // namespace lolpop::detail
