# A Debian package of reportlint, built with CPack from the install rules:
#   cmake --build build --target package      (or: cd build && cpack -G DEB)
# It installs under /usr the binary, the plugins (/usr/lib/reportlint/plugins), the data
# (/usr/share/reportlint: configs, phrase packs, profiles, language tables, rule pages),
# the completions, the man page and the plugin API. Depends are computed from the
# binaries by dpkg-shlibdeps; the language model is read at run time, so its package is
# a Recommends (without it phrasing.suspected-typo says it is unavailable).
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "reportlint")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Linter for Chinese official report drafts")
set(CPACK_PACKAGE_CONTACT "reportlint maintainers <reportlint@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "text")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${REPORTLINT_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libime-data-language-model")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Linter for Chinese official report drafts (公文)\nFinds unfilled placeholders, template leftovers, numbering gaps, missing\nsections, misused words and punctuation in .txt, .md and .docx drafts, and\nreports them like a compiler, with fixes where they are certain.")
include(CPack)
