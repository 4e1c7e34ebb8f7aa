# What lolpop-gen must make of good/rebind.toml; included by check_generator.cmake.
# The settings base.toml gives the components it binds are not handed to the ones rebind.toml binds.
foreach(dropped IN ITEMS ".acme}/metadata.db" "delimiter" "\"id\", \"x\", \"target\"")
  string(FIND "${text}" "${dropped}" at)
  if(NOT at EQUAL -1)
    check_failed("the header sets base.toml's ${dropped}, a setting of a component rebind.toml no longer binds")
  endif()
endforeach()
# What base.toml sets for roles rebind.toml leaves bound as they were stays.
string(FIND "${text}" ".acme}/artifacts" at)
if(at EQUAL -1)
  check_failed("the header lost base.toml's resource_version_control root")
endif()
