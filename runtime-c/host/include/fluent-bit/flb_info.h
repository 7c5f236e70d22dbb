/*
 * flb_info.h (flbc host): stands in for the header Fluent Bit generates at
 * configure time. The host build enables none of the optional features
 * (FLB_HAVE_*), so this only pulls in the common macros.
 *
 * Fluent Bit compiles plugins in GNU mode and its flb_mem.h defines
 * _DEFAULT_SOURCE, so in a real build libc declares its extensions
 * (on_exit, index, random, ...) to the plugin. Defining it here, in the
 * first header every plugin include reaches, makes a plugin function that
 * collides with one of them fail in the host as it would in Fluent Bit.
 */
#ifndef FLB_INFO_H
#define FLB_INFO_H

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif

#include <fluent-bit/flb_macros.h>

#endif
