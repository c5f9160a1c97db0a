# lede-pc.cmake: writes lede.pc from lede.pc.in at install time, naming the
# prefix the files are really installed under (cmake --install --prefix
# overrides the one configured). CMakeLists.txt sets LEDE_PC_* first.
# SPDX-License-Identifier: MIT
set(prefix "${CMAKE_INSTALL_PREFIX}")
foreach(_dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${LEDE_PC_${_dir}}")
    set(_pc_${_dir} "${LEDE_PC_${_dir}}")
  else()
    set(_pc_${_dir} "\${prefix}/${LEDE_PC_${_dir}}")
  endif()
endforeach()
set(libdir "${_pc_LIBDIR}")
set(includedir "${_pc_INCLUDEDIR}")
set(version "${LEDE_PC_VERSION}")
configure_file("${LEDE_PC_IN}" "${LEDE_PC_OUT}" @ONLY)
