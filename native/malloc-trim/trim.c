// trim(): glibc's malloc_trim(0). free() gives memory back to the system only from the top of the
// main heap; pages freed inside it (a server's many short-lived buffers leave them everywhere) stay
// counted against the process until malloc_trim hands them back with madvise. Returns whether any
// memory was released. Built at install (node-gyp); on a system without glibc it is not built and
// the server does without (src/web/idle-gc.ts).
#include <malloc.h>
#include <node_api.h>

static napi_value Trim(napi_env env, napi_callback_info info) {
  napi_value released;
  napi_get_boolean(env, malloc_trim(0) == 1, &released);
  return released;
}

NAPI_MODULE_INIT() {
  napi_value trim;
  napi_create_function(env, "trim", NAPI_AUTO_LENGTH, Trim, NULL, &trim);
  napi_set_named_property(env, exports, "trim", trim);
  return exports;
}
