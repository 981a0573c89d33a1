/* Everything a utility in cmds/ usually needs, in one include. */
#ifndef COREBOX_COMMON_H
#define COREBOX_COMMON_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "in.h"
#include "num.h"
#include "opt.h"
#include "out.h"
#include "quote.h"
#include "startup.h"
#include "sys.h"
#include "utf8.h"
#include "xalloc.h"

#endif
