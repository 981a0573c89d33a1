/*
 * Buffered standard output. Utilities write through out_*; the buffer is
 * large (128 KiB) and is flushed when full, by out_flush(), before any
 * diagnostic, and at exit, where a write error ends the program with
 * "PROG: write error: REASON" and diag_fail_status. Under POSIX's default
 * SIGPIPE a closed pipe ends the process quietly before that.
 */
#ifndef COREBOX_OUT_H
#define COREBOX_OUT_H

#include <stdbool.h>
#include <stddef.h>

enum { OUT_BUFSIZE = 128 * 1024 };

void out_write(const void *p, size_t n);
void out_puts(const char *s);
void out_putc(char c);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write buffered bytes now; a failure is fatal (write error). */
void out_flush(void);
/* Write buffered bytes now, keeping a failure for the check at exit. */
void out_flush_quiet(void);
/* Flush after every out_write() call from now on (cat -u, tail -f). */
void out_set_unbuffered(bool on);
/* True when an earlier write to standard output failed. */
bool out_failed(void);
/* End the program with GNU's write error message (ERRNUM's text). */
_Noreturn void out_write_error(int errnum);
/* The check run at exit: flush and report any write error. Each
   platform's entry point (posix/main.c, win32/main.c) has it run after
   the handlers a program registers with atexit(). */
void out_atexit(void);
/* Write a large block the way GNU's head and tail write theirs: what is
   buffered goes out first, and when that fails the program ends with
   "PROG: error writing 'standard output': REASON" rather than the "write
   error" reported at exit. */
void out_write_block(const void *p, size_t n);

#endif
