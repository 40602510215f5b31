// The web page's files, served from the binary: `/` is the page itself,
// `/assets/<name>` the rest. Public (the page asks for a login itself), with
// headers that keep the browser from running anything but these files.
#pragma once

#include <httplib.h>

namespace akte::http {

void AddStaticRoutes(httplib::Server& server);

}  // namespace akte::http
