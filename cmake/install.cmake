# Installs lolpop as a CMake package: find_package(lolpop) gives lolpop::lolpop, the generator
# lolpop::lolpop-gen and lolpop_add_profile(). lolpop_warnings stays behind: users' code is not ours
# to compile with -Werror.
include(CMakePackageConfigHelpers)

set(LOLPOP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/lolpop" CACHE STRING
    "Where lolpop's CMake package files are installed, relative to the prefix")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/lolpop" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(TARGETS lolpop_core lolpop_components lolpop_sqlite lolpop_postgres lolpop_xgboost lolpop_cli lolpop lolpop-gen
        EXPORT lolpopTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(EXPORT lolpopTargets NAMESPACE lolpop:: DESTINATION "${LOLPOP_INSTALL_CMAKEDIR}")

set(LOLPOP_INSTALL_REGISTRY "${CMAKE_INSTALL_INCLUDEDIR}/lolpop/registry.toml")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/lolpopConfig.cmake.in" "${PROJECT_BINARY_DIR}/lolpopConfig.cmake"
  INSTALL_DESTINATION "${LOLPOP_INSTALL_CMAKEDIR}"
  PATH_VARS LOLPOP_INSTALL_REGISTRY)
# 0.x: a minor version may break the profile format, so only the same minor version is compatible.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/lolpopConfigVersion.cmake" COMPATIBILITY SameMinorVersion)
install(FILES
          "${PROJECT_BINARY_DIR}/lolpopConfig.cmake"
          "${PROJECT_BINARY_DIR}/lolpopConfigVersion.cmake"
          "${PROJECT_SOURCE_DIR}/cmake/lolpop_add_profile.cmake"
          "${PROJECT_SOURCE_DIR}/cmake/profile_main.cpp"
        DESTINATION "${LOLPOP_INSTALL_CMAKEDIR}")
