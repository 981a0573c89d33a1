/* The encoder/decoder driver shared by base64, base32 and basenc. */
#ifndef COREBOX_CMDS_BASENC_H
#define COREBOX_CMDS_BASENC_H

#include <stdbool.h>
#include <stddef.h>

#include "baseenc.h"
#include "opt.h"

struct basenc_job {
	enum baseenc_kind kind;
	bool decode;
	bool ignore_garbage;
	size_t wrap;        /* columns per output line; 0: one line */
	const char *file;   /* "-": standard input */
};

/* The options the three programs share (an OPT_TABLE list). */
#define BASENC_COMMON_OPTIONS(O) \
	O("decode", 'd', OPT_NONE, "", "decode the input instead of encoding it") \
	O("wrap", 'w', OPT_REQ, "COLS", \
	  "start a new line after every COLS encoded\ncharacters (76 by default); 0 writes one long line") \
	O("ignore-garbage", 'i', OPT_NONE, "", \
	  "when decoding, drop every byte that is not part\nof the alphabet instead of failing on it")

/* The value of -w/--wrap COLS, as GNU reads it: a decimal number of any
   size (too big means no wrapping); a negative number or junk is fatal. */
size_t basenc_parse_wrap(const char *arg);
/* Handle one of the shared options (d, i, w) into JOB; false for others. */
bool basenc_common_option(struct basenc_job *job, int key, const char *arg);
/* Take the operands (at most one FILE) into JOB. */
void basenc_operands(struct basenc_job *job, char **operands, int n);
/* Encode or decode JOB->file to standard output. Errors are fatal, as
   GNU's are; returns the exit status. */
int basenc_run(const struct basenc_job *job);
/* The whole of base64 and base32, whose options are the shared ones. */
int basenc_main(int argc, char **argv, const struct cmd_info *info, enum baseenc_kind kind);

#endif
