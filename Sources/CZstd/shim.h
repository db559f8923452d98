#ifndef HOTLINE_CZSTD_SHIM_H
#define HOTLINE_CZSTD_SHIM_H
/* For ZSTD_getFrameHeader (exported by the shared library too): the window a
   refused frame asks for, so that the error can say it. */
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zstd_errors.h>
#endif
