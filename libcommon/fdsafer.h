/* Keeping files off the standard descriptors. */
#ifndef COREBOX_FDSAFER_H
#define COREBOX_FDSAFER_H

/* FD, moved above 0, 1 and 2 when it landed on one of them (because that
   one was closed), so that a file never stands in for a standard stream.
   Returns the descriptor, or -1 with errno (FD is closed then). */
int fd_safer(int fd);

#endif
