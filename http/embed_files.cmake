# Writes a C++ source holding every file of FILES (names relative to DIR,
# separated by '|') as a table of (name, bytes) in namespace akte::http, so
# that the binary serves the web page without reading files at run time.
string(REPLACE "|" ";" names "${FILES}")
set(entries "")
set(index 0)
foreach(name IN LISTS names)
  file(READ "${DIR}/${name}" content HEX)
  # Bytes as a char array initialiser: safe for any content, binary included.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
  string(APPEND arrays "const char kFile${index}[] = {${bytes} 0};\n")
  string(APPEND entries "    {\"${name}\", std::string_view(kFile${index}, sizeof(kFile${index}) - 1)},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}"
  "// Generated from ${DIR} by http/embed_files.cmake; do not edit.\n"
  "#include \"embedded_files.h\"\n"
  "namespace akte::http {\n"
  "namespace {\n${arrays}}  // namespace\n"
  "const std::vector<EmbeddedFile>& ${SYMBOL}() {\n"
  "  static const std::vector<EmbeddedFile> files = {\n${entries}  };\n"
  "  return files;\n"
  "}\n"
  "}  // namespace akte::http\n")
