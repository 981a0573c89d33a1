/* Placement of the data every program touches while it starts and exits. */
#ifndef COREBOX_STARTUP_H
#define COREBOX_STARTUP_H

/* Data that every program touches while it starts and exits (the utility
   registry, output's state). ELF builds keep it on pages the loader reads
   or writes anyway (cmake/startup.ld), so it costs no page fault of its
   own; elsewhere these are plain read-only data and variables. */
#ifdef __ELF__
#define STARTUP_RODATA __attribute__((section(".rodata.corebox_startup")))
#define STARTUP_DATA __attribute__((section(".data.corebox_startup")))
#else
#define STARTUP_RODATA
#define STARTUP_DATA
#endif

#endif
