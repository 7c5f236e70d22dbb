/*
 * flb_info.h (flbc host): stands in for the header Fluent Bit generates at
 * configure time. The host build enables none of the optional features
 * (FLB_HAVE_*), so this only pulls in the common macros.
 */
#ifndef FLB_INFO_H
#define FLB_INFO_H

#include <fluent-bit/flb_macros.h>

#endif
