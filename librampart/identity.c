/*
 * What an executable really is.
 *
 * A policy names programs (rm, curl); a copy or a hard link of /bin/rm
 * under another name (cp /bin/rm ./tidy; ./tidy -rf ~) must not escape it.
 * Before an exec is judged, rp_identify looks at the file that would run:
 *
 *   - the same file (device and inode) as a program in /usr/bin, /bin,
 *     /usr/sbin or /sbin, or one with the same content (same size, then
 *     the bytes compared), is judged under that program's path;
 *   - an anonymous executable (a memfd, a deleted file, anything behind
 *     /proc/self/fd/N or /dev/fd/N that is not a path) cannot be judged by
 *     name at all, and is denied.
 *
 * A program named by its path in a system directory (what a shell execs
 * after its own $PATH search) costs nothing: it is judged as that path.
 * Otherwise the common case costs a stat of the program and of its name
 * in each system directory: a program that is its own system binary needs
 * nothing more. Only an executable outside them builds the index of the system
 * directories (once per process, in memory from mmap, never malloc: this
 * may run in a vfork child), and content is compared only with files of the
 * same size. The last answers are cached by device, inode, size and mtime.
 */
#define _GNU_SOURCE
#include "rampart.h"
#include "sys.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const sysdirs[] = {"/usr/bin", "/bin", "/usr/sbin", "/sbin"};
#define NSYSDIRS (sizeof sysdirs / sizeof sysdirs[0])

/* RP_MAX_SYSBIN bounds the index: a full desktop has ~4,000 programs. */
#define RP_MAX_SYSBIN 16384

/* RP_DIRBUF: the room a directory is read into, at the end of the
 * index's mapping (so the index holds RP_DIRBUF / sizeof(struct sysbin)
 * fewer entries than the mapping could: RP_MAX_SYSBIN stays far above). */
#define RP_DIRBUF 32768

struct sysbin {
	dev_t dev;
	ino_t ino;
	off_t size;
	unsigned dir;   /* index in sysdirs */
	char name[52];  /* base name; longer names are left out */
};

RP_DATA static struct sysbin *index_;
/* Entries stop short of the directory buffer at the mapping's end. */
#define RP_INDEX_MAX (RP_MAX_SYSBIN - RP_DIRBUF / sizeof(struct sysbin) - 1)
RP_DATA static size_t nindex;
RP_DATA static int index_state; /* 0 not built, 1 built, -1 failed */

/* A small cache of answers for executables outside the system directories. */
struct answer {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	int found; /* index entry + 1, or 0 for none */
};
#define NCACHE 16
RP_DATA static struct answer cache[NCACHE];
RP_DATA static unsigned cache_next;

/* add_entry puts the system program name (in directory d, open as dfd)
 * into the index when it is an executable regular file. */
static void add_entry(int dfd, unsigned d, const char *name)
{
	size_t l = rp_strlen(name);
	if (name[0] == '.' || l >= sizeof index_[0].name)
		return;
	struct stat st;
	if (rp_sys_fstatat(dfd, name, &st) != 0 || !S_ISREG(st.st_mode) || !(st.st_mode & 0111))
		return;
	struct sysbin *b = &index_[nindex++];
	b->dev = st.st_dev;
	b->ino = st.st_ino;
	b->size = st.st_size;
	b->dir = d;
	rp_memcpy(b->name, name, l + 1);
}

static void build_index(void)
{
	size_t bytes = RP_MAX_SYSBIN * sizeof(struct sysbin);
	void *m = rp_sys_map(bytes);
	if (!m) {
		index_state = -1;
		return;
	}
	index_ = m;
	for (unsigned d = 0; d < NSYSDIRS && nindex < RP_INDEX_MAX; d++) {
		int dfd = rp_sys_open(sysdirs[d], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd < 0)
			continue;
#if RP_RAW
		/* The directory read raw, into the mapping's unused end: no
		 * heap, no stack. */
		char *buf = (char *)m + bytes - RP_DIRBUF;
		long n;
		while (nindex < RP_INDEX_MAX && (n = rp_sys_getdents(dfd, buf, RP_DIRBUF)) > 0)
			for (long off = 0; off < n && nindex < RP_INDEX_MAX;) {
				struct rp_dirent64 *e = (struct rp_dirent64 *)(buf + off);
				off += e->d_reclen;
				add_entry(dfd, d, e->d_name);
			}
		rp_sys_close(dfd);
#else
		DIR *dir = fdopendir(dfd);
		if (!dir) {
			rp_sys_close(dfd);
			continue;
		}
		struct dirent *e;
		while (nindex < RP_INDEX_MAX && (e = readdir(dir)))
			add_entry(dfd, d, e->d_name);
		closedir(dir);
#endif
	}
	index_state = 1;
}

/* same_content compares two open files of the same size byte for byte. */
static int same_content(int a, int b, off_t size)
{
	char x[16384], y[16384];
	off_t off = 0;
	while (off < size) {
		size_t want = size - off < (off_t)sizeof x ? (size_t)(size - off) : sizeof x;
		long n = rp_sys_pread(a, x, want, off), m = rp_sys_pread(b, y, want, off);
		if (n <= 0 || n != m || !rp_memeq(x, y, (size_t)n))
			return 0;
		off += n;
	}
	return 1;
}

/* put_path writes sysdirs[b->dir] + "/" + b->name into out. */
static int put_path(const struct sysbin *b, char *out, size_t outsz)
{
	size_t dl = rp_strlen(sysdirs[b->dir]), nl = rp_strlen(b->name);
	if (dl + 1 + nl + 1 > outsz)
		return 0;
	rp_memcpy(out, sysdirs[b->dir], dl);
	out[dl] = '/';
	rp_memcpy(out + dl + 1, b->name, nl + 1);
	return 1;
}

/* own_name reports whether the file st is the system program of its own
 * base name (the common case: /usr/bin/git, or git found on $PATH). It
 * runs on every exec, so it calls nothing of the C library's (sys.h) and
 * its buffer is small: a longer name is no file in a system directory. */
static int own_name(const char *name, const struct stat *st)
{
	size_t nl = rp_strlen(name);
	if (nl > NAME_MAX)
		return 0;
	for (unsigned d = 0; d < NSYSDIRS; d++) {
		char p[sizeof "/usr/sbin/" + NAME_MAX];
		size_t k = 0;
		for (const char *q = sysdirs[d]; *q; q++)
			p[k++] = *q;
		p[k++] = '/';
		for (size_t i = 0; i <= nl; i++)
			p[k + i] = name[i];
		struct stat s;
		if (rp_sys_stat(p, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino)
			return 1;
	}
	return 0;
}

/* starts reports whether s starts with p (no C library: see own_name). */
static int starts(const char *s, const char *p)
{
	while (*p && *s == *p)
		s++, p++;
	return !*p;
}

/* anonymous reports whether a /proc/self/fd/N, /dev/fd/N or fd link names
 * something that is not a file on a path: a memfd, a deleted file, a pipe. */
static int anonymous_link(const char *link)
{
	char t[PATH_MAX];
	long n = rp_sys_readlink(link, t, sizeof t - 1);
	if (n <= 0)
		return 0; /* not a link: judged as the path it is */
	t[n] = 0;
	if (t[0] != '/' || starts(t, "/memfd:"))
		return 1;
	static const char deleted[] = " (deleted)";
	size_t dl = sizeof deleted - 1;
	return (size_t)n > dl && rp_streq(t + n - dl, deleted);
}

/* fd_path reports whether p names a descriptor: /proc/self/fd/N,
 * /dev/fd/N, /proc/PID/fd/N. */
static int fd_path(const char *p)
{
	if (starts(p, "/dev/fd/"))
		return 1;
	if (!starts(p, "/proc/"))
		return 0;
	for (p += 6; *p; p++)
		if (starts(p, "/fd/"))
			return 1;
	return 0;
}

/* search finds name on $PATH as execvp would, into out. */
static int search(const char *name, char *out, size_t outsz)
{
	const char *path = rp_getenv("PATH");
	if (!path || !*path)
		path = "/bin:/usr/bin";
	size_t nl = rp_strlen(name);
	while (*path) {
		size_t dl = 0;
		while (path[dl] && path[dl] != ':')
			dl++;
		int last = !path[dl];
		if (dl == 0) {
			if (nl + 1 <= outsz)
				rp_memcpy(out, name, nl + 1);
		} else if (dl + 1 + nl + 1 <= outsz) {
			rp_memcpy(out, path, dl);
			out[dl] = '/';
			rp_memcpy(out + dl + 1, name, nl + 1);
		} else
			goto next;
		if (rp_sys_access(out, X_OK) == 0)
			return 1;
	next:
		if (last)
			break;
		path += dl + 1;
	}
	return 0;
}

/* identify_other is rp_identify for an executable that is not the system
 * program of its own name: the cache, then the index of the system
 * directories. path names the file, unless fd >= 0. Kept out of line, with
 * its buffers: the common case runs on a small stack. */
static __attribute__((noinline)) int identify_other(const char *path, int fd, const struct stat *st, char *out,
						    size_t outsz)
{
	int saved = errno;
	int r = 0;
	for (unsigned i = 0; i < NCACHE; i++) {
		struct answer *a = &cache[i];
		if (a->dev == st->st_dev && a->ino == st->st_ino && a->size == st->st_size &&
		    a->mtime.tv_sec == st->st_mtim.tv_sec && a->mtime.tv_nsec == st->st_mtim.tv_nsec && a->size) {
			if (a->found)
				r = put_path(&index_[a->found - 1], out, outsz);
			goto done;
		}
	}
	if (index_state == 0)
		build_index();
	int hit = 0;
	if (index_state == 1) {
		for (size_t i = 0; i < nindex && !hit; i++)
			if (index_[i].dev == st->st_dev && index_[i].ino == st->st_ino)
				hit = (int)i + 1;
		if (!hit && st->st_size > 0) {
			int a = fd >= 0 ? rp_sys_dup_cloexec(fd) : rp_sys_open(path, O_RDONLY | O_CLOEXEC);
			for (size_t i = 0; a >= 0 && i < nindex && !hit; i++) {
				if (index_[i].size != st->st_size)
					continue;
				char p[PATH_MAX];
				if (!put_path(&index_[i], p, sizeof p))
					continue;
				int b = rp_sys_open(p, O_RDONLY | O_CLOEXEC);
				if (b < 0)
					continue;
				if (same_content(a, b, st->st_size))
					hit = (int)i + 1;
				rp_sys_close(b);
			}
			if (a >= 0)
				rp_sys_close(a);
		}
	}
	struct answer *c = &cache[cache_next++ % NCACHE];
	c->dev = st->st_dev;
	c->ino = st->st_ino;
	c->size = st->st_size;
	c->mtime = st->st_mtim;
	c->found = hit;
	if (hit)
		r = put_path(&index_[hit - 1], out, outsz);
done:
	errno = saved;
	return r;
}

/* identify_file judges the file st, found at path (or open as fd) for
 * prog. */
static int identify_file(const char *prog, const char *path, int fd, const struct stat *st, char *out,
			 size_t outsz)
{
	if (!S_ISREG(st->st_mode) || own_name(rp_basename(prog), st))
		return 0;
	return identify_other(path, fd, st, out, outsz);
}

/* identify_fd is rp_identify for fexecve: the file behind fd. */
static __attribute__((noinline)) int identify_fd(const char *prog, int fd, char *out, size_t outsz)
{
	char link[32];
	rp_memcpy(link, "/proc/self/fd/", 14);
	int l = 14;
	char digits[12];
	int nd = 0;
	unsigned v = (unsigned)fd;
	do
		digits[nd++] = (char)('0' + v % 10);
	while ((v /= 10) && nd < 11);
	while (nd)
		link[l++] = digits[--nd];
	link[l] = 0;
	if (anonymous_link(link))
		return -1;
	struct stat st;
	if (rp_sys_fstat(fd, &st) != 0)
		return 0;
	return identify_file(prog, NULL, fd, &st, out, outsz);
}

/* identify_searched is rp_identify for a name execvp looks up on $PATH. */
static __attribute__((noinline)) int identify_searched(const char *prog, char *out, size_t outsz)
{
	char found[PATH_MAX];
	int ok = search(prog, found, sizeof found);
	struct stat st;
	if (!ok || rp_sys_stat(found, &st) != 0)
		return 0;
	return identify_file(prog, found, -1, &st, out, outsz);
}

static int has_slash(const char *s)
{
	for (; *s; s++)
		if (*s == '/')
			return 1;
	return 0;
}

/* in_sysdir reports whether p is a system directory, a slash and a name
 * with no slash in it (/usr/bin/git, the path a shell found on $PATH). */
static int in_sysdir(const char *p)
{
	for (unsigned d = 0; d < NSYSDIRS; d++) {
		const char *s = p, *q = sysdirs[d];
		while (*q && *s == *q)
			s++, q++;
		if (*q || *s != '/')
			continue;
		for (s++; *s; s++)
			if (*s == '/')
				return 0;
		return 1;
	}
	return 0;
}

int rp_identify(const char *prog, int fd, int use_path, char *out, size_t outsz)
{
	if (fd >= 0)
		return identify_fd(prog, fd, out, outsz);
	/* A program named by its path in a system directory is judged as
	 * that path, whatever the file is, without looking: stat follows the
	 * same links for the path as for the system directory's entry of its
	 * name, which is the path itself, so identify_file would find it the
	 * system program of its own name (0); a path that is not a regular
	 * file is 0 too. Two stats fewer on most execs. */
	if ((!use_path || has_slash(prog)) && in_sysdir(prog))
		return 0;
	if (fd_path(prog) && anonymous_link(prog))
		return -1;
	if (use_path && !has_slash(prog))
		return identify_searched(prog, out, outsz);
	struct stat st;
	if (rp_sys_stat(prog, &st) != 0)
		return 0;
	return identify_file(prog, prog, -1, &st, out, outsz);
}
