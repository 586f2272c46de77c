/*
 * librampart: an LD_PRELOAD library that asks rampart-eval before a
 * dynamically linked process runs another program.
 *
 * Interposed: execve, execv, execvp, execvpe, execl, execlp, execle,
 * fexecve, execveat, system, popen, posix_spawn, posix_spawnp
 * (librampart.map exports exactly these). The file an exec would run is
 * identified first (identity.c): a copy of, or link to, a system program
 * is judged under that program's name, and an anonymous executable (a
 * memfd) is denied. A denied call does not run: the exec family returns -1
 * with errno EPERM, posix_spawn and posix_spawnp return EPERM, popen returns
 * NULL with errno EPERM, and system returns what a shell that could not run
 * the command returns (exit status 127) with errno EPERM.
 *
 * Environment (read once, at load):
 *
 *	RAMPART_SOCKET      the unix socket of `rampart-eval --listen`
 *	RAMPART_MODE        "monitor": ask (the server audits), never block
 *	RAMPART_FAIL_OPEN   "1": allow when no decision comes (default: deny)
 *	RAMPART_TIMEOUT_MS  bound on one exchange (default 2000)
 *	RAMPART_QUIET       "1": no messages on stderr
 *	RAMPART_AGENT, RAMPART_SESSION  recorded in the call
 *
 * Each real function is resolved once with dlsym(RTLD_NEXT, ...), at load
 * for the exec family and on first use for the calls that return (see
 * real), or is the system call itself (execve, fexecve); errno is
 * preserved on every path that runs the program.
 */
#define _GNU_SOURCE
#include "rampart.h"
#include "sys.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

/* RP_ENV_STACK: environments up to this many entries are repaired in a
 * stack array (8 KiB); larger ones need mmap (see exec_fixed). */
#define RP_ENV_STACK 1024

extern char **environ;

_Thread_local int rp_busy __attribute__((tls_model("initial-exec")));

typedef int (*execve_fn)(const char *, char *const[], char *const[]);
typedef int (*fexecve_fn)(int, char *const[], char *const[]);
typedef int (*system_fn)(const char *);
typedef FILE *(*popen_fn)(const char *, const char *);
typedef int (*spawn_fn)(pid_t *, const char *, const posix_spawn_file_actions_t *,
			const posix_spawnattr_t *, char *const[], char *const[]);

/* fd_link writes "/proc/self/fd/N" for fd into link (32 bytes). */
static void fd_link(char *link, int fd)
{
	static const char dir[] = "/proc/self/fd/";
	size_t l = sizeof dir - 1;
	rp_memcpy(link, dir, l);
	unsigned v = fd < 0 ? 0u - (unsigned)fd : (unsigned)fd;
	if (fd < 0)
		link[l++] = '-';
	char digits[12];
	int nd = 0;
	do
		digits[nd++] = (char)('0' + v % 10);
	while ((v /= 10) && nd < 11);
	while (nd)
		link[l++] = digits[--nd];
	link[l] = 0;
}

/* The C library's functions, found with dlsym(RTLD_NEXT, ...). The exec
 * family's are found at load (an exec may come in a vfork child, where
 * neither dlsym nor the heap may be used); where system calls are made
 * straight (sys.h), execve and fexecve are the system calls themselves
 * and need no finding. system, popen and posix_spawn[p] return to their
 * caller, which is the process itself, so they are found on their first
 * call: most programs the library is loaded into never call them, and
 * every dlsym is a symbol lookup. */
RP_DATA static struct {
	execve_fn execve, execvpe;
	fexecve_fn fexecve;
	system_fn system;
	popen_fn popen;
	spawn_fn spawn, spawnp;
} real;

RP_DATA static int ready;

static void setup(void)
{
	if (__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
		return;
	rp_init();
#if !RP_RAW
	real.execve = (execve_fn)dlsym(RTLD_NEXT, "execve");
	real.fexecve = (fexecve_fn)dlsym(RTLD_NEXT, "fexecve");
#endif
	real.execvpe = (execve_fn)dlsym(RTLD_NEXT, "execvpe");
	__atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
}

/* Resolve at load time, while the heap and dlsym are safe to use. */
__attribute__((constructor)) static void load(void) { setup(); }

/* late returns the C library's function name, finding it into *slot the
 * first time (concurrent first calls find the same one). errno is kept. */
static void *late(void **slot, const char *name)
{
	void *f = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	if (!f) {
		int saved = errno;
		f = dlsym(RTLD_NEXT, name);
		errno = saved;
		__atomic_store_n(slot, f, __ATOMIC_RELEASE);
	}
	return f;
}

#define LATE(field, name) ((__typeof__(real.field))late((void **)&real.field, name))

enum kind { K_EXECVE, K_EXECVPE, K_FEXECVE };

#if RP_RAW
/* sys_exec is execve(2): -1 with errno set when it returns. */
static int sys_exec(const char *path, char *const argv[], char *const envp[])
{
	long r = RP_SYS(SYS_execve, path, argv, envp, 0, 0, 0);
	errno = (int)-r;
	return -1;
}

/* sys_fexec is the C library's fexecve: execveat(2) of fd itself, or, on
 * a kernel without it, execve(2) of /proc/self/fd/N (ENOSYS when /proc
 * is not mounted). */
static int sys_fexec(int fd, char *const argv[], char *const envp[])
{
	if (fd < 0 || !argv || !envp) {
		errno = EINVAL;
		return -1;
	}
	long r = RP_SYS(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH, 0);
	if (r != -ENOSYS) {
		errno = (int)-r;
		return -1;
	}
	char link[32];
	fd_link(link, fd);
	r = RP_SYS(SYS_execve, link, argv, envp, 0, 0, 0);
	struct stat st;
	if (rp_sys_stat("/proc/self/fd", &st) == -ENOENT)
		r = -ENOSYS;
	errno = (int)-r;
	return -1;
}
#endif

static int call_real(enum kind k, const char *prog, int fd, char *const argv[], char *const envp[])
{
	switch (k) {
	case K_EXECVE:
#if RP_RAW
		return sys_exec(prog, argv, envp);
#else
		if (real.execve)
			return real.execve(prog, argv, envp);
		break;
#endif
	case K_EXECVPE:
		if (real.execvpe)
			return real.execvpe(prog, argv, envp);
		break;
	case K_FEXECVE:
#if RP_RAW
		return sys_fexec(fd, argv, envp);
#else
		if (real.fexecve)
			return real.fexecve(fd, argv, envp);
		break;
#endif
	}
	errno = ENOSYS;
	return -1;
}

/* exec_repaired runs the real function with the environment repaired. Its
 * own frame, so the request buffers of the ask are gone by now. A huge
 * environment (more than RP_ENV_STACK entries) is copied into an mmap'd
 * array; in a vfork child a successful exec leaves that mapping in the
 * parent, a price paid only by such environments. */
static __attribute__((noinline)) int exec_repaired(enum kind k, const char *prog, int fd, char *const argv[],
						   char *const envp[], size_t slots)
{
	char buf[2 * PATH_MAX];
	if (slots <= RP_ENV_STACK) {
		char *out[RP_ENV_STACK];
		return call_real(k, prog, fd, argv, rp_env_fix(envp, out, slots, buf, sizeof buf));
	}
	size_t bytes = slots * sizeof(char *);
	char **out = rp_sys_map(bytes);
	if (!out) {
		errno = ENOMEM;
		return -1;
	}
	int r = call_real(k, prog, fd, argv, rp_env_fix(envp, out, slots, buf, sizeof buf));
	rp_sys_unmap(out, bytes);
	return r;
}

/* exec_fixed runs the real function with the environment as it must be.
 * When it already is (the common case) the exec runs from a small frame:
 * in a fork child every stack page the exec path touches below the
 * parent's is a page fault. */
static __attribute__((noinline)) int exec_fixed(enum kind k, const char *prog, int fd,
						char *const argv[], char *const envp[])
{
	size_t slots = rp_env_check(envp);
	if (!slots)
		return call_real(k, prog, fd, argv, envp);
	return exec_repaired(k, prog, fd, argv, envp, slots);
}

static int has_slash(const char *s)
{
	for (; *s; s++)
		if (*s == '/')
			return 1;
	return 0;
}

/* judged_exec is the exec family: judge prog with argv, then exec. */
static int judged_exec(enum kind k, const char *prog, int fd, char *const argv[], char *const envp[])
{
	setup();
	if (rp_busy)
		return call_real(k, prog, fd, argv, envp);
	/* A path that cannot be executed fails here as exec would, without a
	 * question: shells and language runtimes try every $PATH entry in
	 * turn. Nothing is exec'd unjudged: we return instead of trying. */
	if (k != K_FEXECVE && (k == K_EXECVE || has_slash(prog))) {
		int r = rp_sys_access_x(prog);
		if (r != 0) {
			errno = -r;
			return -1;
		}
	}
	char sysprog[RP_SYSPROG_MAX];
	int id = rp_identify(prog, k == K_FEXECVE ? fd : -1, k == K_EXECVPE, sysprog, sizeof sysprog);
	if (id < 0) {
		rp_say("denied: ", prog, ": ", "an anonymous executable (memfd or deleted file) cannot be judged");
		errno = EPERM;
		return -1;
	}
	int held = -1; /* the question's socket, closed by the exec */
	if (rp_ask_argv(id > 0 ? sysprog : prog, argv, &held) == RP_DENY) {
		if (held >= 0)
			rp_sys_close(held);
		errno = EPERM;
		return -1;
	}
	int r = exec_fixed(k, prog, fd, argv, envp);
	if (held >= 0)
		rp_sys_close(held); /* the exec failed; errno stays its */
	return r;
}

EXPORT int execve(const char *path, char *const argv[], char *const envp[])
{
	return judged_exec(K_EXECVE, path, -1, argv, envp);
}

EXPORT int execv(const char *path, char *const argv[])
{
	return judged_exec(K_EXECVE, path, -1, argv, environ);
}

EXPORT int execvp(const char *file, char *const argv[])
{
	return judged_exec(K_EXECVPE, file, -1, argv, environ);
}

EXPORT int execvpe(const char *file, char *const argv[], char *const envp[])
{
	return judged_exec(K_EXECVPE, file, -1, argv, envp);
}

EXPORT int fexecve(int fd, char *const argv[], char *const envp[])
{
	/* Name the program by the file behind fd. */
	char link[32];
	fd_link(link, fd < 0 ? 0 : fd);
	char path[PATH_MAX];
	long n = rp_sys_readlink(link, path, sizeof path - 1);
	const char *prog = argv[0] ? argv[0] : link;
	if (n > 0) {
		path[n] = 0;
		prog = path;
	}
	return judged_exec(K_FEXECVE, prog, fd, argv, envp);
}

/* execveat runs the file at dirfd/path, or dirfd itself with AT_EMPTY_PATH
 * and an empty path (how fexecve is built). It is judged as fexecve or
 * execve would be; a path relative to a directory fd other than AT_FDCWD
 * is named through /proc/self/fd. */
EXPORT int execveat(int dirfd, const char *path, char *const argv[], char *const envp[], int flags)
{
	setup();
	if (!path[0] && (flags & AT_EMPTY_PATH))
		return fexecve(dirfd, argv, envp);
	if (path[0] == '/' || dirfd == AT_FDCWD)
		return judged_exec(K_EXECVE, path, -1, argv, envp);
	/* Relative to a directory fd: judge and run the path it names. */
	char dir[PATH_MAX], link[32];
	fd_link(link, dirfd);
	long n = rp_sys_readlink(link, dir, sizeof dir - 1);
	size_t pl = rp_strlen(path);
	if (n <= 0 || (size_t)n + 1 + pl + 1 > sizeof dir) {
		rp_say("denied: ", path, ": ", "execveat relative to a directory that cannot be named");
		errno = EPERM;
		return -1;
	}
	dir[n] = '/';
	rp_memcpy(dir + n + 1, path, pl + 1);
	return judged_exec(K_EXECVE, dir, -1, argv, envp);
}

/* The execl family gathers its arguments and goes the same way; like the C
 * library's own, the argument array is sized by the call (arg is declared
 * nonnull, as there). */
#define GATHER(ap, arg, argv, argc)                                    \
	size_t argc = 1;                                               \
	{                                                              \
		va_list count_;                                        \
		va_copy(count_, ap);                                   \
		while (va_arg(count_, char *))                         \
			argc++;                                        \
		va_end(count_);                                        \
	}                                                              \
	char *argv[argc + 1];                                          \
	argv[0] = (char *)(arg);                                       \
	for (size_t i_ = 1; i_ <= argc; i_++)                          \
		argv[i_] = va_arg(ap, char *);

EXPORT int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	GATHER(ap, arg, argv, argc)
	va_end(ap);
	return judged_exec(K_EXECVE, path, -1, argv, environ);
}

EXPORT int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	GATHER(ap, arg, argv, argc)
	va_end(ap);
	return judged_exec(K_EXECVPE, file, -1, argv, environ);
}

EXPORT int execle(const char *path, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	GATHER(ap, arg, argv, argc)
	char *const *envp = va_arg(ap, char *const *);
	va_end(ap);
	return judged_exec(K_EXECVE, path, -1, argv, envp);
}

EXPORT int system(const char *command)
{
	setup();
	system_fn real_system = LATE(system, "system");
	if (!real_system) {
		errno = ENOSYS;
		return -1;
	}
	/* system(NULL) only asks whether a shell exists. */
	if (!command || rp_busy)
		return real_system(command);
	if (rp_ask_shell(command) == RP_DENY) {
		errno = EPERM;
		return 127 << 8;
	}
	rp_busy = 1;
	int r = real_system(command);
	int e = errno;
	rp_busy = 0;
	errno = e;
	return r;
}

EXPORT FILE *popen(const char *command, const char *type)
{
	setup();
	popen_fn real_popen = LATE(popen, "popen");
	if (!real_popen) {
		errno = ENOSYS;
		return NULL;
	}
	if (!command || rp_busy)
		return real_popen(command, type);
	if (rp_ask_shell(command) == RP_DENY) {
		errno = EPERM;
		return NULL;
	}
	rp_busy = 1;
	FILE *f = real_popen(command, type);
	int e = errno;
	rp_busy = 0;
	errno = e;
	return f;
}

/* spawn_fixed runs a real posix_spawn with the environment repaired. It
 * runs in the parent, so the guard may stay set across it. */
static __attribute__((noinline)) int spawn_fixed(spawn_fn fn, pid_t *pid, const char *prog,
						 const posix_spawn_file_actions_t *fa,
						 const posix_spawnattr_t *attr, char *const argv[],
						 char *const envp[])
{
	size_t slots = rp_env_check(envp);
	char buf[2 * PATH_MAX];
	char *stack[RP_ENV_STACK];
	char **out = stack;
	size_t bytes = 0;
	if (slots > RP_ENV_STACK) {
		bytes = slots * sizeof(char *);
		out = rp_sys_map(bytes);
		if (!out)
			return ENOMEM;
	}
	char *const *env = slots ? rp_env_fix(envp, out, slots, buf, sizeof buf) : envp;
	rp_busy = 1;
	int r = fn(pid, prog, fa, attr, argv, env);
	rp_busy = 0;
	if (bytes)
		rp_sys_unmap(out, bytes);
	return r;
}

static int judged_spawn(spawn_fn fn, int search, pid_t *pid, const char *prog,
			const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
			char *const argv[], char *const envp[])
{
	setup();
	if (!fn)
		return ENOSYS;
	if (rp_busy)
		return fn(pid, prog, fa, attr, argv, envp);
	int saved = errno;
	/* Like judged_exec, a path that cannot run fails without a question;
	 * only absolute ones, since a file action may change the child's cwd. */
	if (prog[0] == '/') {
		int r = rp_sys_access_x(prog);
		if (r != 0)
			return -r;
	}
	char sysprog[RP_SYSPROG_MAX];
	int id = rp_identify(prog, -1, search, sysprog, sizeof sysprog);
	if (id < 0) {
		rp_say("denied: ", prog, ": ", "an anonymous executable (memfd or deleted file) cannot be judged");
		errno = saved;
		return EPERM;
	}
	if (rp_ask_spawn(id > 0 ? sysprog : prog, argv) == RP_DENY)
		return EPERM;
	return spawn_fixed(fn, pid, prog, fa, attr, argv, envp);
}

EXPORT int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
		       const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	setup();
	return judged_spawn(LATE(spawn, "posix_spawn"), 0, pid, path, fa, attr, argv, envp);
}

EXPORT int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
			const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	setup();
	return judged_spawn(LATE(spawnp, "posix_spawnp"), 1, pid, file, fa, attr, argv, envp);
}
