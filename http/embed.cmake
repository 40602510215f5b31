# Writes a C++ source that holds the file INPUT as the string SYMBOL (in
# namespace akte::http), so that the binary serves it without reading files.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by http/embed.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace akte::http {\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL} = R\"akte_embedded(${content})akte_embedded\";\n"
  "}  // namespace akte::http\n")
