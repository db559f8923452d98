#ifndef HOTLINE_CZSTD_SHIM_H
#define HOTLINE_CZSTD_SHIM_H
#include <zstd.h>
#endif
