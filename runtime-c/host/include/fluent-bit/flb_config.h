/*
 * flb_config.h (flbc host): the engine-wide context handed to every plugin
 * callback. Plugins treat it as opaque; the host keeps in it what its
 * fluent-bit/flb_config.h counterpart holds for them (the service log level
 * and the program name used in hints).
 */
#ifndef FLB_CONFIG_H
#define FLB_CONFIG_H

#include <fluent-bit/flb_info.h>

struct flb_config {
    int log_level;               /* service log level (FLB_LOG_*) */
    char *program_name;          /* argv[0], for "try the command" hints */
    int is_running;              /* FLB_TRUE between init and exit */
};

#endif
