# reportlint_add_plugin(NAME
#                       SOURCES file.cpp...
#                       DOCS_DIR dir               # holds NAME.<rule>.md, one page per rule
#                       [OUTPUT_DIRECTORY dir])    # where NAME.so goes
#
# Builds a checker plugin as a MODULE library NAME.so with hidden visibility (so two
# plugins never resolve each other's symbols) and compiles the plugin's rule pages into
# it, so `reportlint --explain RULE` prints exactly DOCS_DIR/RULE.md (plugins/NAME/docs/).
set(_REPORTLINT_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(reportlint_add_plugin name)
  cmake_parse_arguments(ARG "" "DOCS_DIR;OUTPUT_DIRECTORY;TARGET" "SOURCES" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET "reportlint_plugin_${name}")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  file(GLOB docs CONFIGURE_DEPENDS "${ARG_DOCS_DIR}/${name}.*.md")
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/${name}_rule_docs.cpp")
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND ${CMAKE_COMMAND} -DPLUGIN=${name} -DDOCS_DIR=${ARG_DOCS_DIR} -DOUTPUT=${generated}
            -P "${_REPORTLINT_CMAKE_DIR}/EmbedRuleDocs.cmake"
    DEPENDS ${docs} "${_REPORTLINT_CMAKE_DIR}/EmbedRuleDocs.cmake" "${_REPORTLINT_CMAKE_DIR}/EmbedText.cmake"
    COMMENT "Embedding rule docs of plugin ${name}"
    VERBATIM)
  add_library(${ARG_TARGET} MODULE ${ARG_SOURCES} "${generated}")
  set_target_properties(${ARG_TARGET} PROPERTIES
    PREFIX "" OUTPUT_NAME "${name}"
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  target_link_libraries(${ARG_TARGET} PRIVATE reportlint::plugin_api)
  set_property(GLOBAL APPEND PROPERTY REPORTLINT_PLUGIN_TARGETS ${ARG_TARGET})
endfunction()
