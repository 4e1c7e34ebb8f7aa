// What a profile binary compiles of its generated header, without the rest of the binary.
#include "lolpop_profile.hpp"
