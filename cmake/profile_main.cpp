// main() of every profile binary; lolpop_add_profile() generates the header it includes.
#include "lolpop_profile.hpp"

#include <lolpop/cli/profile_main.hpp>

int main(int argc, char** argv) {
    return lolpop::profile_main<lolpop_profile::workflow>(argc, argv, lolpop_profile::info, &lolpop_profile::make_settings,
                                                          &lolpop_profile::check_settings);
}
