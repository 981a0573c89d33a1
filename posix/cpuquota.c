/* POSIX backend: CPU quotas (Linux cgroup v2 "cpu.max"). */
#include "sys.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <mntent.h>
#include <sched.h>
#include <unistd.h>

/* Where the cgroup v2 hierarchy is mounted (malloc'd), or NULL. */
static char *cgroup2_mount(void)
{
	if (access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0)
		return strdup("/sys/fs/cgroup");
	FILE *f = setmntent("/proc/self/mounts", "re");
	if (!f)
		return NULL;
	char *dir = NULL;
	struct mntent *m;
	while ((m = getmntent(f)))
		if (strcmp(m->mnt_type, "cgroup2") == 0) {
			dir = strdup(m->mnt_dir);
			break;
		}
	endmntent(f);
	return dir;
}

/* This process's place in the unified hierarchy ("/a/b", from the "0::"
   line of /proc/self/cgroup), malloc'd, or NULL. */
static char *own_cgroup(void)
{
	FILE *f = fopen("/proc/self/cgroup", "re");
	if (!f)
		return NULL;
	char *line = NULL, *path = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) != -1)
		if (strncmp(line, "0::/", 4) == 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = 0;
			path = strdup(line + 3);
			break;
		}
	free(line);
	fclose(f);
	return path;
}

/* The quota / period ratio in DIR/cpu.max; false when it sets none. */
static bool read_cpu_max(const char *dir, double *ncpus)
{
	bool found = false;
	char *name = malloc(strlen(dir) + sizeof "/cpu.max");
	if (!name)
		return false;
	strcpy(name, dir);
	strcat(name, "/cpu.max");
	FILE *f = fopen(name, "re");
	free(name);
	if (!f)
		return false;
	char line[128];
	long quota, period;
	if (fgets(line, sizeof line, f) && strncmp(line, "max", 3) != 0
	    && sscanf(line, "%ld %ld", &quota, &period) == 2 && period != 0) {
		*ncpus = (double)quota / (double)period;
		found = true;
	}
	fclose(f);
	return found;
}

/* The lowest quota from the process's cgroup up to the root, or 0. */
static long cgroup2_quota(void)
{
	char *cg = own_cgroup();
	char *mount = cg ? cgroup2_mount() : NULL;
	char *dir = mount ? malloc(strlen(mount) + strlen(cg) + 1) : NULL;
	long best = 0;
	if (dir) {
		size_t base = strlen(mount);
		memcpy(dir, mount, base);
		char *rel = dir + base;
		strcpy(rel, cg);
		while (*rel) {
			double ncpus;
			if (read_cpu_max(dir, &ncpus) && (best == 0 || ncpus < (double)best)) {
				double r = ncpus + 0.5;
				best = r < 1 ? 1 : r >= (double)LONG_MAX ? LONG_MAX : (long)r;
				if (best == 1)
					break;
			}
			char *sep = strrchr(rel, '/');
			if (!sep)
				break;
			if (sep == rel && rel[1])
				rel[1] = 0;
			else
				*sep = 0;
		}
	}
	free(dir);
	free(mount);
	free(cg);
	return best;
}

long sys_cpu_quota(void)
{
	switch (sched_getscheduler(0)) {
	case -1:
	case SCHED_FIFO:
	case SCHED_RR:
#ifdef SCHED_DEADLINE
	case SCHED_DEADLINE:
#endif
		return 0;
	default:
		return cgroup2_quota();
	}
}
#else
long sys_cpu_quota(void)
{
	return 0;
}
#endif
