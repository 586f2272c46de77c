/*
 * System calls made straight from the library, on the path an exec takes.
 *
 * That path runs in the child of fork(2) between fork and exec, where the
 * page tables of shared code are not copied: the first call into a page of
 * the C library's code (socket, faccessat, __errno_location, the string
 * functions) or of the vDSO (clock_gettime) is a page fault, tens of
 * microseconds each on a virtual machine. Made here, these calls touch
 * only the library's own code, which the child faults in once anyway, and
 * never errno: each returns its result, or -errno.
 *
 * On x86-64 and AArch64 they are the machine's system call instruction;
 * elsewhere they go through the C library, errno saved around them.
 */
#ifndef RAMPART_SYS_H
#define RAMPART_SYS_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* RP_NO_RAW (make CFLAGS=-DRP_NO_RAW) builds the C library's way on any
 * machine, to test it. */
#if !defined(RP_NO_RAW) && (defined(__x86_64__) || defined(__aarch64__)) && defined(SYS_newfstatat) && \
	defined(SYS_ppoll)
#define RP_RAW 1

static inline long rp_sys6(long n, long a, long b, long c, long d, long e, long f)
{
#if defined(__x86_64__)
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
#else
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;
	__asm__ volatile("svc 0"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory");
	return x0;
#endif
}

#define RP_SYS(n, a, b, c, d, e, f) \
	rp_sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#else
#define RP_RAW 0
#endif

/* RP_LIBC(call) runs a C library call that returns -1 on failure and
 * gives its result, or -errno, leaving errno as it was. */
#define RP_LIBC(call)                                   \
	({                                              \
		int saved_ = errno;                     \
		long r_ = (long)(call);                 \
		if (r_ < 0)                             \
			r_ = -errno;                    \
		errno = saved_;                         \
		r_;                                     \
	})

/* stat(2). */
static inline int rp_sys_stat(const char *path, struct stat *st)
{
#if RP_RAW
	return (int)RP_SYS(SYS_newfstatat, AT_FDCWD, path, st, 0, 0, 0);
#else
	return (int)RP_LIBC(fstatat(AT_FDCWD, path, st, 0));
#endif
}

/* fstat(2). */
static inline int rp_sys_fstat(int fd, struct stat *st)
{
#if RP_RAW
	return (int)RP_SYS(SYS_fstat, fd, st, 0, 0, 0, 0);
#else
	return (int)RP_LIBC(fstat(fd, st));
#endif
}

/* faccessat(AT_FDCWD, path, X_OK, AT_EACCESS): 0, or -errno. A kernel
 * without faccessat2 (before 5.8) checks with faccessat(2), which asks as
 * the real user and group: the same answer when they are the effective
 * ones. When they are not, there is no check here (0): the exec itself
 * then says whether the file can run, after its question, as nothing is
 * run unjudged. Raw, and not the C library's emulation: every C library
 * function the library calls is one more symbol, and here one more symbol
 * version, that the dynamic loader looks up in every program started with
 * the library (about 900 instructions for this one). */
static inline int rp_sys_access_x(const char *path)
{
#if RP_RAW
	long r = -ENOSYS;
#if defined(SYS_faccessat2)
	r = RP_SYS(SYS_faccessat2, AT_FDCWD, path, X_OK, AT_EACCESS, 0, 0);
#endif
	if (r != -ENOSYS)
		return (int)r;
	if (RP_SYS(SYS_getuid, 0, 0, 0, 0, 0, 0) != RP_SYS(SYS_geteuid, 0, 0, 0, 0, 0, 0) ||
	    RP_SYS(SYS_getgid, 0, 0, 0, 0, 0, 0) != RP_SYS(SYS_getegid, 0, 0, 0, 0, 0, 0))
		return 0;
	return (int)RP_SYS(SYS_faccessat, AT_FDCWD, path, X_OK, 0, 0, 0);
#else
	return (int)RP_LIBC(faccessat(AT_FDCWD, path, X_OK, AT_EACCESS));
#endif
}

/* clock_gettime(CLOCK_MONOTONIC). Raw, as a system call rather than the
 * vDSO's: the C library's clock_gettime is one more symbol and symbol
 * version for the dynamic loader to look up in every program started with
 * the library, where only a question on a stream connection reads the
 * clock (an exec's datagram never does), a few times per question. */
static inline void rp_sys_monotonic(struct timespec *ts)
{
#if RP_RAW
	RP_SYS(SYS_clock_gettime, CLOCK_MONOTONIC, ts, 0, 0, 0, 0);
#else
	clock_gettime(CLOCK_MONOTONIC, ts);
#endif
}

/* getcwd(2): the length of the path without its NUL, or -errno. */
static inline long rp_sys_getcwd(char *buf, size_t size)
{
#if RP_RAW
	long r = RP_SYS(SYS_getcwd, buf, size, 0, 0, 0, 0);
	/* The kernel counts the NUL; a path it cannot reach from the root
	 * ("(unreachable)/...") is no path: the C library fails it too. */
	if (r > 0 && buf[0] != '/')
		return -ENOENT;
	return r > 0 ? r - 1 : r;
#else
	int saved = errno;
	long r = getcwd(buf, size) ? 0 : -errno;
	errno = saved;
	if (r == 0)
		while (buf[r])
			r++;
	return r;
#endif
}

static inline int rp_sys_socket(int domain, int type)
{
#if RP_RAW
	return (int)RP_SYS(SYS_socket, domain, type, 0, 0, 0, 0);
#else
	return (int)RP_LIBC(socket(domain, type, 0));
#endif
}

static inline int rp_sys_bind(int fd, const void *sa, socklen_t len)
{
#if RP_RAW
	return (int)RP_SYS(SYS_bind, fd, sa, len, 0, 0, 0);
#else
	return (int)RP_LIBC(bind(fd, sa, len));
#endif
}

static inline int rp_sys_connect(int fd, const void *sa, socklen_t len)
{
#if RP_RAW
	return (int)RP_SYS(SYS_connect, fd, sa, len, 0, 0, 0);
#else
	return (int)RP_LIBC(connect(fd, sa, len));
#endif
}

static inline int rp_sys_setsockopt(int fd, int level, int name, const void *v, socklen_t len)
{
#if RP_RAW
	return (int)RP_SYS(SYS_setsockopt, fd, level, name, v, len, 0);
#else
	return (int)RP_LIBC(setsockopt(fd, level, name, v, len));
#endif
}

static inline int rp_sys_shutdown(int fd, int how)
{
#if RP_RAW
	return (int)RP_SYS(SYS_shutdown, fd, how, 0, 0, 0, 0);
#else
	return (int)RP_LIBC(shutdown(fd, how));
#endif
}

static inline long rp_sys_send(int fd, const void *buf, size_t n, int flags)
{
#if RP_RAW
	return RP_SYS(SYS_sendto, fd, buf, n, flags, 0, 0);
#else
	return RP_LIBC(send(fd, buf, n, flags));
#endif
}

/* sendto(2): to is NULL to send to the connected peer. */
static inline long rp_sys_sendto(int fd, const void *buf, size_t n, int flags, const void *to, socklen_t tolen)
{
#if RP_RAW
	return RP_SYS(SYS_sendto, fd, buf, n, flags, to, to ? tolen : 0);
#else
	return RP_LIBC(sendto(fd, buf, n, flags, to, to ? tolen : 0));
#endif
}

static inline long rp_sys_recv(int fd, void *buf, size_t n, int flags)
{
#if RP_RAW
	return RP_SYS(SYS_recvfrom, fd, buf, n, flags, 0, 0);
#else
	return RP_LIBC(recv(fd, buf, n, flags));
#endif
}

/* rp_sys_wait_in waits at most *left for fd to be readable: 1 when it is,
 * 0 when the time is up, or -errno. When a signal cuts the wait short
 * (-EINTR), *left is the time that remains, so that the caller can wait
 * again without reading the clock. */
static inline int rp_sys_wait_in(int fd, struct timespec *left)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
#if RP_RAW
	/* ppoll(2) writes what is left of the time back into *left. */
	return (int)RP_SYS(SYS_ppoll, &p, 1, left, 0, 0, 0);
#else
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int r = (int)RP_LIBC(ppoll(&p, 1, left, NULL));
	if (r == -EINTR) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		long ns = (left->tv_sec - (t1.tv_sec - t0.tv_sec)) * 1000000000L + left->tv_nsec -
			  (t1.tv_nsec - t0.tv_nsec);
		if (ns < 0)
			ns = 0;
		left->tv_sec = ns / 1000000000L;
		left->tv_nsec = ns % 1000000000L;
	}
	return r;
#endif
}

static inline void rp_sys_close(int fd)
{
#if RP_RAW
	RP_SYS(SYS_close, fd, 0, 0, 0, 0, 0);
#else
	RP_LIBC(close(fd));
#endif
}

/*
 * The calls below are off the way to an exec (identity.c's index of the
 * system directories, rp_say, the kept connection's owner), made here for
 * another reason: every C library function the library calls is a symbol
 * the dynamic loader looks up (-z now) in every program started with the
 * library preloaded, exec or no exec, a few hundred instructions each.
 */

/* openat(AT_FDCWD, path, flags): a descriptor, or -errno. */
static inline int rp_sys_open(const char *path, int flags)
{
#if RP_RAW
	return (int)RP_SYS(SYS_openat, AT_FDCWD, path, flags, 0, 0, 0);
#else
	return (int)RP_LIBC(open(path, flags));
#endif
}

/* access(2): the real user's permission, as execvp's search asks it. */
static inline int rp_sys_access(const char *path, int mode)
{
#if RP_RAW
	return (int)RP_SYS(SYS_faccessat, AT_FDCWD, path, mode, 0, 0, 0);
#else
	return (int)RP_LIBC(access(path, mode));
#endif
}

/* fstatat(2) without flags (links followed). */
static inline int rp_sys_fstatat(int dirfd, const char *name, struct stat *st)
{
#if RP_RAW
	return (int)RP_SYS(SYS_newfstatat, dirfd, name, st, 0, 0, 0);
#else
	return (int)RP_LIBC(fstatat(dirfd, name, st, 0));
#endif
}

/* pread(2). */
static inline long rp_sys_pread(int fd, void *buf, size_t n, off_t off)
{
#if RP_RAW
	return RP_SYS(SYS_pread64, fd, buf, n, off, 0, 0);
#else
	return RP_LIBC(pread(fd, buf, n, off));
#endif
}

/* A copy of fd, close-on-exec. */
static inline int rp_sys_dup_cloexec(int fd)
{
#if RP_RAW
	return (int)RP_SYS(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 0, 0, 0, 0);
#else
	return (int)RP_LIBC(fcntl(fd, F_DUPFD_CLOEXEC, 0));
#endif
}

/* readlink(2): the length read (no NUL written), or -errno. */
static inline long rp_sys_readlink(const char *path, char *buf, size_t n)
{
#if RP_RAW
	return RP_SYS(SYS_readlinkat, AT_FDCWD, path, buf, n, 0, 0);
#else
	return RP_LIBC(readlink(path, buf, n));
#endif
}

/* write(2). */
static inline long rp_sys_write(int fd, const void *buf, size_t n)
{
#if RP_RAW
	return RP_SYS(SYS_write, fd, buf, n, 0, 0, 0);
#else
	return RP_LIBC(write(fd, buf, n));
#endif
}

/* getpid(2) and getppid(2), which cannot fail. */
static inline pid_t rp_sys_getpid(void)
{
#if RP_RAW
	return (pid_t)RP_SYS(SYS_getpid, 0, 0, 0, 0, 0, 0);
#else
	return getpid();
#endif
}

static inline pid_t rp_sys_getppid(void)
{
#if RP_RAW
	return (pid_t)RP_SYS(SYS_getppid, 0, 0, 0, 0, 0, 0);
#else
	return getppid();
#endif
}

/* An anonymous private read-write mapping of n bytes, or NULL. */
static inline void *rp_sys_map(size_t n)
{
#if RP_RAW
	long r = RP_SYS(SYS_mmap, 0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return r < 0 && r > -4096 ? NULL : (void *)r;
#else
	int saved = errno;
	void *m = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	errno = saved;
	return m == MAP_FAILED ? NULL : m;
#endif
}

static inline void rp_sys_unmap(void *p, size_t n)
{
#if RP_RAW
	RP_SYS(SYS_munmap, p, n, 0, 0, 0, 0);
#else
	RP_LIBC(munmap(p, n));
#endif
}

/* getdents64(2) into buf: the bytes read, 0 at the end, or -errno. Each
 * record is a struct rp_dirent64. */
struct rp_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#if RP_RAW
static inline long rp_sys_getdents(int fd, void *buf, size_t n)
{
	return RP_SYS(SYS_getdents64, fd, buf, n, 0, 0, 0);
}
#endif

#endif
