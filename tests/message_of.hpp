#pragma once
// What a test compares with the one readable line a user sees: the message of the lolpop::error
// that `f` throws, or "no error".
#include <lolpop/core/error.hpp>

#include <string>

namespace lolpop_test {

inline std::string message_of(auto&& f) {
    try {
        f();
    } catch (const lolpop::error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace lolpop_test

using lolpop_test::message_of;
