#pragma once
// A data_splitter of the user's own whose split_data returns the training rows as a frame
// instead of a lolpop::data_split (LOLPOP_FIX: the twin returns the split).
// Declared, not defined: the suite compiles with -fsyntax-only and links nothing.
#include <lolpop/concepts/data_splitter.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string>
#include <string_view>

namespace user {

class frame_splitter {
public:
    struct config {
        double train_ratio = 0.8;
    };
    static constexpr std::string_view name = "frame_splitter";

    frame_splitter(const config& cfg, lolpop::context& ctx);
#ifdef LOLPOP_FIX
    lolpop::data_split split_data(const lolpop::frame& data, const std::string& target);
#else
    lolpop::frame split_data(const lolpop::frame& data, const std::string& target);
#endif
};

}  // namespace user

BOOST_HANA_ADAPT_STRUCT(user::frame_splitter::config, train_ratio);
