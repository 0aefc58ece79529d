# Helpers of the scripts that compile text into the binary (EmbedRuleDocs.cmake,
# EmbedPage.cmake), included by them.

# Sets OUT to the text of FILE as a C++ raw string literal with delimiter DELIMITER;
# stops if the text contains the literal's end.
function(reportlint_raw_literal OUT FILE DELIMITER)
  file(READ "${FILE}" text)
  if(text MATCHES "\\)${DELIMITER}\"")
    message(FATAL_ERROR "${FILE} contains the raw-string delimiter )${DELIMITER}\"")
  endif()
  set(${OUT} "R\"${DELIMITER}(${text})${DELIMITER}\"" PARENT_SCOPE)
endfunction()

# Writes CONTENT to OUTPUT only when it differs, so an unchanged file is not rebuilt.
function(reportlint_write_if_changed OUTPUT CONTENT)
  set(old "")
  if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
  endif()
  if(NOT old STREQUAL CONTENT)
    file(WRITE "${OUTPUT}" "${CONTENT}")
  endif()
endfunction()
