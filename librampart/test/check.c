/*
 * check: calls every function librampart interposes, under LD_PRELOAD,
 * against test/server.py, and reports what happened.
 *
 * Usage: check MODE DIR LOG
 *
 *	enforce  the server denies "blocked-marker": denied calls fail with
 *	         EPERM and the marker is never created; allowed calls run
 *	monitor  RAMPART_MODE=monitor: everything runs, everything is asked
 *	closed   RAMPART_SOCKET names no server: everything is denied
 *	open     the same with RAMPART_FAIL_OPEN=1: everything runs
 *	timeout  the server never answers "hang-marker": denied in time
 *
 * Prints one line per check and "check MODE: N passed, M failed"; exits 1
 * when any check failed. Nothing destructive ever runs: the only commands
 * are touch, echo and sh scripts that touch files in DIR.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int passed, failed;

#ifdef __GLIBC__
/* Every heap call in this process is counted, so that the vfork test can
 * see that librampart used none between vfork and exec (the child shares
 * this memory, counter included). */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static volatile long heap_calls;
void *malloc(size_t n)
{
	heap_calls++;
	return __libc_malloc(n);
}
void *calloc(size_t a, size_t b)
{
	heap_calls++;
	return __libc_calloc(a, b);
}
void *realloc(void *p, size_t n)
{
	heap_calls++;
	return __libc_realloc(p, n);
}
void free(void *p)
{
	heap_calls++;
	__libc_free(p);
}
#define HEAP_COUNTED 1
#else
static volatile long heap_calls;
#define HEAP_COUNTED 0
#endif
static const char *mode, *dir, *logpath;
static const char *touch_path = "/usr/bin/touch";

static void check(int cond, const char *name, const char *detail)
{
	if (cond) {
		passed++;
		printf("ok   %s %s\n", mode, name);
	} else {
		failed++;
		printf("FAIL %s %s: %s\n", mode, name, detail);
	}
	fflush(stdout);
}

static char *in_dir(const char *name)
{
	static char bufs[8][PATH_MAX];
	static int next;
	char *b = bufs[next++ % 8];
	snprintf(b, PATH_MAX, "%s/%s", dir, name);
	return b;
}

static int exists(const char *name)
{
	struct stat st;
	return stat(in_dir(name), &st) == 0;
}

/* logged reports whether the server's call log holds needle. */
static int logged(const char *needle)
{
	FILE *f = fopen(logpath, "r");
	if (!f)
		return 0;
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	return strstr(buf, needle) != NULL;
}

/* logged_line reports whether one line of the call log holds both a and
 * b. */
static int logged_line(const char *a, const char *b)
{
	FILE *f = fopen(logpath, "r");
	if (!f)
		return 0;
	static char line[1 << 16];
	int found = 0;
	while (!found && fgets(line, sizeof line, f))
		found = strstr(line, a) && strstr(line, b);
	fclose(f);
	return found;
}

/* An exec test: run performs the exec in a child and returns only when it
 * failed. */
typedef void (*execfn)(const char *target);

static void t_execve(const char *t)
{
	char *argv[] = {"touch", (char *)t, NULL};
	execve(touch_path, argv, environ);
}
static void t_execv(const char *t)
{
	char *argv[] = {"touch", (char *)t, NULL};
	execv(touch_path, argv);
}
static void t_execvp(const char *t)
{
	char *argv[] = {"touch", (char *)t, NULL};
	execvp("touch", argv);
}
static void t_execvpe(const char *t)
{
	char *argv[] = {"touch", (char *)t, NULL};
	execvpe("touch", argv, environ);
}
static void t_execl(const char *t) { execl(touch_path, "touch", t, (char *)NULL); }
static void t_execlp(const char *t) { execlp("touch", "touch", t, (char *)NULL); }
static void t_execle(const char *t) { execle(touch_path, "touch", t, (char *)NULL, environ); }
static void t_fexecve(const char *t)
{
	int fd = open(touch_path, O_RDONLY);
	char *argv[] = {"touch", (char *)t, NULL};
	fexecve(fd, argv, environ);
}
/* argv[0] says ls; the program is touch. */
static void t_spoof(const char *t)
{
	char *argv[] = {"ls", (char *)t, NULL};
	execve(touch_path, argv, environ);
}

static const struct {
	const char *name;
	execfn fn;
} execs[] = {
	{"execve", t_execve}, {"execv", t_execv},   {"execvp", t_execvp},   {"execvpe", t_execvpe},
	{"execl", t_execl},   {"execlp", t_execlp}, {"execle", t_execle},   {"fexecve", t_fexecve},
	{"argv0-spoof", t_spoof},
};

/* in_child runs fn(target) in a forked child; the child exits 77 when the
 * exec failed with EPERM, 100 + errno otherwise. Returns the wait status. */
static int in_child(execfn fn, const char *target)
{
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		fn(target);
		_exit(errno == EPERM ? 77 : 100 + errno % 100);
	}
	int st = 0;
	waitpid(p, &st, 0);
	return st;
}

static int exit_code(int st) { return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st); }

/* expect_runs: target is created and the child exits 0. */
static void expect_runs(const char *name, execfn fn, const char *file)
{
	char label[128], detail[128];
	unlink(in_dir(file));
	int code = exit_code(in_child(fn, in_dir(file)));
	snprintf(label, sizeof label, "%s runs %s", name, file);
	snprintf(detail, sizeof detail, "exit %d, %s %s", code, file, exists(file) ? "exists" : "missing");
	check(code == 0 && exists(file), label, detail);
	unlink(in_dir(file));
}

/* expect_denied: EPERM, and the target never appears. */
static void expect_denied(const char *name, execfn fn, const char *file)
{
	char label[128], detail[128];
	unlink(in_dir(file));
	int code = exit_code(in_child(fn, in_dir(file)));
	snprintf(label, sizeof label, "%s denies %s with EPERM", name, file);
	snprintf(detail, sizeof detail, "exit %d (77 is EPERM), %s %s", code, file,
		 exists(file) ? "EXISTS" : "absent");
	check(code == 77 && !exists(file), label, detail);
}

static char cmdbuf[PATH_MAX + 64];
static const char *touch_cmd(const char *file)
{
	snprintf(cmdbuf, sizeof cmdbuf, "touch %s", in_dir(file));
	return cmdbuf;
}

static void system_test(const char *file, int want_run)
{
	char label[128], detail[128];
	unlink(in_dir(file));
	errno = 0;
	int r = system(touch_cmd(file));
	int e = errno;
	snprintf(label, sizeof label, "system %s %s", want_run ? "runs" : "denies", file);
	snprintf(detail, sizeof detail, "returned %#x errno %d, file %s", r, e, exists(file) ? "exists" : "absent");
	if (want_run)
		check(r == 0 && exists(file), label, detail);
	else
		check(r == 127 << 8 && e == EPERM && !exists(file), label, detail);
	if (want_run)
		unlink(in_dir(file));
}

static void popen_test(const char *file, int want_run)
{
	char label[128], detail[128];
	unlink(in_dir(file));
	errno = 0;
	FILE *f = popen(touch_cmd(file), "r");
	int e = errno, r = -1;
	if (f)
		r = pclose(f);
	snprintf(label, sizeof label, "popen %s %s", want_run ? "runs" : "denies", file);
	snprintf(detail, sizeof detail, "FILE %s, pclose %d, errno %d, file %s", f ? "set" : "NULL", r, e,
		 exists(file) ? "exists" : "absent");
	if (want_run)
		check(f && r == 0 && exists(file), label, detail);
	else
		check(!f && e == EPERM && !exists(file), label, detail);
	if (want_run)
		unlink(in_dir(file));
}

static void spawn_test(int search, const char *file, int want_run)
{
	char label[128], detail[128];
	unlink(in_dir(file));
	char *argv[] = {"touch", in_dir(file), NULL};
	pid_t pid = 0;
	int r = search ? posix_spawnp(&pid, "touch", NULL, NULL, argv, environ)
		       : posix_spawn(&pid, touch_path, NULL, NULL, argv, environ);
	int st = -1;
	if (r == 0)
		waitpid(pid, &st, 0);
	snprintf(label, sizeof label, "%s %s %s", search ? "posix_spawnp" : "posix_spawn",
		 want_run ? "runs" : "denies", file);
	snprintf(detail, sizeof detail, "returned %d, status %d, file %s", r, st, exists(file) ? "exists" : "absent");
	if (want_run)
		check(r == 0 && st == 0 && exists(file), label, detail);
	else
		check(r == EPERM && !exists(file), label, detail);
	if (want_run)
		unlink(in_dir(file));
}

/* spawn_touch runs touch FILE with posix_spawn and waits: 0 when it ran. */
static int spawn_touch(const char *file)
{
	char *argv[] = {"touch", in_dir(file), NULL};
	pid_t pid = 0;
	int st = -1;
	if (posix_spawn(&pid, touch_path, NULL, NULL, argv, environ) != 0)
		return -1;
	waitpid(pid, &st, 0);
	return st;
}

/* conn_of returns the server's connection number for the last call that
 * names marker, or -1. */
static int conn_of(const char *marker)
{
	FILE *f = fopen(logpath, "r");
	if (!f)
		return -1;
	char line[8192];
	int conn = -1;
	while (fgets(line, sizeof line, f)) {
		const char *c = strstr(line, "\"conn\": ");
		if (strstr(line, marker) && c)
			conn = atoi(c + 8);
	}
	fclose(f);
	return conn;
}

/* socket_fds counts the sockets in a /proc/PID/fd listing written by ls -l. */
static int socket_fds(const char *file)
{
	FILE *f = fopen(in_dir(file), "r");
	if (!f)
		return -1;
	char line[1024];
	int n = 0;
	while (fgets(line, sizeof line, f))
		n += strstr(line, "socket:") != NULL;
	fclose(f);
	return n;
}

/* socket_fds_self counts this process's open sockets. */
static int socket_fds_self(void)
{
	int n = 0;
	for (int fd = 3; fd < 256; fd++) {
		char link[64], target[64];
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		ssize_t l = readlink(link, target, sizeof target - 1);
		if (l > 0 && (target[l] = 0, strncmp(target, "socket:", 7) == 0))
			n++;
	}
	return n;
}

/* kept_tests: calls that return keep one connection per process; a fork
 * child, a spawned program and a reused descriptor number never share it;
 * a connection the server closed is replaced. */
static void kept_tests(void)
{
	char detail[160];
	int ran = spawn_touch("ok-keep-1") == 0 && spawn_touch("ok-keep-2") == 0 && spawn_touch("ok-keep-3") == 0;
	int c1 = conn_of("ok-keep-1"), c2 = conn_of("ok-keep-2"), c3 = conn_of("ok-keep-3");
	snprintf(detail, sizeof detail, "ran %d, connections %d %d %d", ran, c1, c2, c3);
	check(ran && c1 > 0 && c1 == c2 && c2 == c3, "posix_spawn asks on one kept connection", detail);

	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		/* Our copy of the parent's connection is gone at once. */
		if (socket_fds_self() != 0)
			_exit(2);
		_exit(spawn_touch("ok-keep-child") == 0 ? 0 : 1);
	}
	int st = 0;
	waitpid(p, &st, 0);
	int cc = conn_of("ok-keep-child");
	ran = spawn_touch("ok-keep-4") == 0;
	int c4 = conn_of("ok-keep-4");
	snprintf(detail, sizeof detail, "child exit %d (2: it inherited a socket) on connection %d; parent %d then %d",
		 exit_code(st), cc, c1, c4);
	check(exit_code(st) == 0 && cc > 0 && cc != c1 && ran && c4 == c1,
	      "a fork child asks on its own connection, the parent's stays in step", detail);

	/* The spawned shell lists its own descriptors: no socket of ours. */
	char script[PATH_MAX + 64];
	snprintf(script, sizeof script, "ls -l /proc/$$/fd/ > %s", in_dir("fd-list"));
	char *argv[] = {"sh", "-c", script, NULL};
	pid_t pid;
	st = -1;
	if (posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ) == 0)
		waitpid(pid, &st, 0);
	int socks = socket_fds("fd-list");
	snprintf(detail, sizeof detail, "exit %d, %d sockets listed", exit_code(st), socks);
	check(exit_code(st) == 0 && socks == 0, "a spawned program inherits no kept connection", detail);

	/* The program closes our descriptor and opens a file that gets its
	 * number: the next question must not be written into that file. */
	int sock = -1;
	for (int fd = 3; fd < 64 && sock < 0; fd++) {
		char link[64], target[64];
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		ssize_t n = readlink(link, target, sizeof target - 1);
		if (n > 0 && (target[n] = 0, strncmp(target, "socket:", 7) == 0))
			sock = fd;
	}
	close(sock);
	int file = open(in_dir("reused-fd"), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ran = spawn_touch("ok-keep-reused") == 0;
	struct stat fst = {0};
	int still = fstat(file, &fst) == 0 && S_ISREG(fst.st_mode);
	snprintf(detail, sizeof detail, "socket fd %d, file fd %d (%s), ran %d, file holds %ld bytes", sock, file,
		 still ? "still open" : "CLOSED", ran, (long)fst.st_size);
	check(sock >= 0 && file == sock && ran && still && fst.st_size == 0,
	      "a descriptor number reused by the program is never asked on", detail);
	close(file);

	/* The server closes the connection after this answer: the next
	 * question goes on a fresh one and is answered. */
	ran = spawn_touch("ok-close-marker") == 0;
	int before = conn_of("ok-close-marker");
	int again = spawn_touch("ok-keep-after") == 0;
	int after = conn_of("ok-keep-after");
	snprintf(detail, sizeof detail, "ran %d %d, connections %d then %d", ran, again, before, after);
	check(ran && again && before > 0 && after > 0 && after != before,
	      "a connection the server closed is replaced", detail);
	snprintf(detail, sizeof detail, "marker %s", exists("blocked-marker") ? "EXISTS" : "absent");
	check(spawn_touch("blocked-marker") != 0 && !exists("blocked-marker"), "a kept connection still denies", detail);
}

/* vfork: the child shares our memory; a denied exec there must leave no
 * trace (the recursion guard in particular) in the parent. */
static void vfork_test(void)
{
	char *denied[] = {"touch", in_dir("blocked-marker"), NULL};
	int st = 0;
	long before = heap_calls;
	free(malloc(16));
	if (HEAP_COUNTED)
		check(heap_calls - before == 2, "the heap counter sees malloc and free", "counter did not move");
	before = heap_calls;
	pid_t p = vfork();
	if (p == 0) {
		execve(touch_path, denied, environ);
		_exit(errno == EPERM ? 77 : 1);
	}
	waitpid(p, &st, 0);
	long used = heap_calls - before;
	check(exit_code(st) == 77 && !exists("blocked-marker"), "vfork child denied with EPERM", "not EPERM");
	if (HEAP_COUNTED)
		check(used == 0, "no heap use between vfork and a denied exec", "malloc or free was called");
	char *allowed[] = {"touch", in_dir("ok-vfork"), NULL};
	before = heap_calls;
	p = vfork();
	if (p == 0) {
		execve(touch_path, allowed, environ);
		_exit(1);
	}
	waitpid(p, &st, 0);
	used = heap_calls - before;
	check(exit_code(st) == 0 && exists("ok-vfork"), "vfork child allowed", "did not run");
	if (HEAP_COUNTED)
		check(used == 0, "no heap use between vfork and an allowed exec", "malloc or free was called");
	/* An environment that needs repair, built on the stack, not the heap. */
	char *bare[] = {"PATH=/usr/bin:/bin", NULL};
	before = heap_calls;
	p = vfork();
	if (p == 0) {
		execve(touch_path, allowed, bare);
		_exit(1);
	}
	waitpid(p, &st, 0);
	used = heap_calls - before;
	if (HEAP_COUNTED)
		check(exit_code(st) == 0 && used == 0, "no heap use repairing a child's environment after vfork",
		      "malloc or free was called, or the exec failed");
	unlink(in_dir("ok-vfork"));
	/* Still judged in the parent afterwards. */
	spawn_test(0, "blocked-marker", 0);
}

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(in_dir(name), "w");
	fputs(text, f);
	fclose(f);
}

/* failed_exec_child execs path with argv in a fork child (which has no
 * kept connection, so the question goes as a datagram where it can) and
 * exits 0 when the exec returned -1 with errno want and left no more
 * sockets open than before, 1 for another errno, 2 for a socket left. */
static int failed_exec_child(const char *path, char *const argv[], int want)
{
	int st = 0;
	pid_t p = fork();
	if (p == 0) {
		int before = socket_fds_self();
		errno = 0;
		int r = execve(path, argv, environ);
		int e = errno;
		_exit(r != -1 || e != want ? 1 : socket_fds_self() != before ? 2 : 0);
	}
	waitpid(p, &st, 0);
	return exit_code(st);
}

/* failed_exec_tests: an exec's question may leave its socket for the exec
 * to close; an exec that is denied, or allowed and then refused by the
 * kernel, returns with no socket of it left open, and with its errno. */
static void failed_exec_tests(void)
{
	write_file("not-a-program", "not a program\n");
	chmod(in_dir("not-a-program"), 0755);
	char *argv[] = {"not-a-program", NULL};
	char detail[64];
	int code = failed_exec_child(in_dir("not-a-program"), argv, ENOEXEC);
	snprintf(detail, sizeof detail, "child exit %d (1: errno, 2: a socket left open)", code);
	check(code == 0, "an allowed exec the kernel refuses returns its errno, no socket left open", detail);
	char *denied[] = {"touch", in_dir("blocked-marker"), NULL};
	code = failed_exec_child(touch_path, denied, EPERM);
	snprintf(detail, sizeof detail, "child exit %d (1: errno, 2: a socket left open)", code);
	check(code == 0 && !exists("blocked-marker"), "a denied exec returns EPERM, no socket left open", detail);
}

/* grand runs "sh SCRIPT" with envp in a child; the script touches the
 * marker and records its environment in grand-env. */
static int grand(char *const envp[])
{
	char script[2 * PATH_MAX + 64];
	snprintf(script, sizeof script, "env > %s\ntouch %s\n", in_dir("grand-env"), in_dir("blocked-marker"));
	write_file("grand.sh", script);
	unlink(in_dir("grand-env"));
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 2);
		if (envp) {
			char *argv[] = {"sh", in_dir("grand.sh"), NULL};
			execve("/bin/sh", argv, envp);
		} else {
			char *argv[] = {"env", "-i", "/bin/sh", in_dir("grand.sh"), NULL};
			execve("/usr/bin/env", argv, environ);
		}
		_exit(99);
	}
	int st = 0;
	waitpid(p, &st, 0);
	return exit_code(st);
}

static int env_has(const char *needle)
{
	FILE *f = fopen(in_dir("grand-env"), "r");
	if (!f)
		return 0;
	char line[4096];
	int found = 0;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, needle, strlen(needle)) == 0)
			found = 1;
	fclose(f);
	return found;
}

static void grandchild_tests(void)
{
	int code = grand(NULL);
	char detail[160];
	snprintf(detail, sizeof detail, "exit %d, marker %s", code, exists("blocked-marker") ? "EXISTS" : "absent");
	check(code != 0 && !exists("blocked-marker"), "env -i grandchild still denied", detail);
	check(env_has("LD_PRELOAD=") && env_has("RAMPART_SOCKET="), "env -i grandchild keeps LD_PRELOAD and RAMPART_SOCKET",
	      "variables missing in the grandchild");
	/* A program that tries to switch the checks off for its children. */
	char *evil[] = {"LD_PRELOAD=", "RAMPART_MODE=monitor", "RAMPART_FAIL_OPEN=1",
			"RAMPART_SOCKET=/nonexistent", "PATH=/usr/bin:/bin", NULL};
	code = grand(evil);
	snprintf(detail, sizeof detail, "exit %d, marker %s", code, exists("blocked-marker") ? "EXISTS" : "absent");
	check(code != 0 && !exists("blocked-marker"), "child cannot switch off its children's checks", detail);
	check(!env_has("RAMPART_MODE=") && !env_has("RAMPART_FAIL_OPEN=") && !env_has("RAMPART_SOCKET=/nonexistent"),
	      "child's RAMPART_* overrides are replaced", "an override survived");
}

static void t_quote(const char *t)
{
	(void)t;
	char *argv[] = {"echo", "quote-marker", "a b", "it's", "", "x\"y\\z\n\tw", "$HOME", "*", "~x",
			"a=b", "#c", "\xc3\xa9", "semi;colon", "back`tick`", NULL};
	execve("/bin/echo", argv, environ);
}

/* cwd_run execs touch in directory d (a path, or NULL for a deep one) and
 * reports whether the server logged the call with "cwd" ending in tail. */
static int cwd_run(const char *d, const char *tail)
{
	char home[PATH_MAX];
	if (!getcwd(home, sizeof home) || chdir(d) != 0)
		return 0;
	int code = exit_code(in_child(t_execve, "ok-cwd"));
	int made = access("ok-cwd", F_OK) == 0;
	unlink("ok-cwd");
	if (chdir(home) != 0)
		return 0;
	return code == 0 && made && logged(tail);
}

/* The working directory goes with every question, escaped as JSON needs:
 * read in place into the request in the common case, through a buffer of
 * its own when it needs escaping or does not fit. */
static void cwd_tests(void)
{
	mkdir(in_dir("cwd-plain"), 0700);
	check(cwd_run(in_dir("cwd-plain"), "/cwd-plain\", "), "a plain cwd is sent", "no call with that cwd");
	mkdir(in_dir("cwd-\"quoted\\dir\""), 0700);
	check(cwd_run(in_dir("cwd-\"quoted\\dir\""), "/cwd-\\\"quoted\\\\dir\\\"\", "),
	      "a cwd with a quote and a backslash is sent escaped", "no call with that cwd");
	/* Deeper than the request buffer: 20 directories of 200 bytes. */
	char name[201], deep[PATH_MAX];
	memset(name, 'd', 200);
	name[200] = 0;
	snprintf(deep, sizeof deep, "%s", in_dir("cwd-deep"));
	mkdir(deep, 0700);
	for (int i = 0; i < 20; i++) {
		size_t l = strlen(deep);
		snprintf(deep + l, sizeof deep - l, "/%s", name);
		mkdir(deep, 0700);
	}
	char tail[512];
	snprintf(tail, sizeof tail, "/%s/%s\", ", name, name);
	check(cwd_run(deep, tail), "a cwd longer than the request buffer is sent", "no call with that cwd");
	/* Longer than 1 KiB, shorter than the request buffer: read in
	 * place, and still one datagram where the server has the socket. */
	char mid[PATH_MAX];
	snprintf(mid, sizeof mid, "%s", in_dir("cwd-mid"));
	mkdir(mid, 0700);
	for (int i = 0; i < 8; i++) {
		size_t l = strlen(mid);
		snprintf(mid + l, sizeof mid - l, "/%s", name);
		mkdir(mid, 0700);
	}
	char midtail[PATH_MAX + 16];
	snprintf(midtail, sizeof midtail, "%s\", ", mid);
	check(cwd_run(mid, midtail), "a cwd of 1.6 KiB is sent", "no call with that cwd");
	if (strcmp(mode, "stream") != 0)
		check(logged_line(midtail, "\"dgram\": true"), "a cwd of 1.6 KiB goes in one datagram",
		      "that call did not come as a datagram");
}

/* copy_touch writes a copy of touch_path's bytes into fd. */
static int copy_touch(int out)
{
	int in = open(touch_path, O_RDONLY);
	if (in < 0)
		return -1;
	char buf[1 << 16];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			close(in);
			return -1;
		}
	close(in);
	return n < 0 ? -1 : 0;
}

/* A copy of touch under another name ("tidy", in DIR): run by its path,
 * found on $PATH, relative to a directory descriptor, and from a memfd. */
static void t_copy(const char *t)
{
	char *argv[] = {"tidy", (char *)t, NULL};
	execve(in_dir("tidy"), argv, environ);
}
static void t_copy_path(const char *t)
{
	setenv("PATH", dir, 1);
	char *argv[] = {"tidy", (char *)t, NULL};
	execvp("tidy", argv);
}
static void t_copy_at(const char *t)
{
	int d = open(dir, O_RDONLY | O_DIRECTORY);
	char *argv[] = {"tidy", (char *)t, NULL};
	execveat(d, "tidy", argv, environ, 0);
}
static void t_memfd(const char *t)
{
	int fd = memfd_create("tidy", 0);
	if (fd < 0 || copy_touch(fd) != 0)
		_exit(99);
	char *argv[] = {"tidy", (char *)t, NULL};
	fexecve(fd, argv, environ);
}

/* logged_as reports whether the log holds a call of touch (under a system
 * directory) on file in DIR. */
static int logged_as_touch(const char *file)
{
	char needle[PATH_MAX + 32];
	snprintf(needle, sizeof needle, "bin/touch %s\"", in_dir(file));
	return logged(needle);
}

/* t_escaped runs /bin/echo with words that grow most when written into a
 * question: single quotes (5 bytes each, '\\'') and control bytes (6,
 * \u0001), 1.1 KiB in all. */
static void t_escaped(const char *t)
{
	(void)t;
	static char quotes[101], controls[101];
	memset(quotes, '\'', 100);
	memset(controls, 1, 100);
	char *argv[] = {"echo", "escape-bound-marker", quotes, controls, NULL};
	execve("/bin/echo", argv, environ);
}

/* t_sized runs /bin/true with one word of t's length: "fit-" and the
 * length, then x's. */
static void t_sized(const char *t)
{
	static char word[4096];
	size_t n = strtoul(t, NULL, 10);
	if (n >= sizeof word)
		n = sizeof word - 1;
	int k = snprintf(word, sizeof word, "fit-%zu-", n);
	for (size_t i = (size_t)k; i < n; i++)
		word[i] = 'x';
	word[n > (size_t)k ? n : (size_t)k] = 0;
	char *argv[] = {"true", word, NULL};
	execve("/bin/true", argv, environ);
}

/* logged_count returns how many lines of the call log hold needle. */
static int logged_count(const char *needle)
{
	FILE *f = fopen(logpath, "r");
	if (!f)
		return 0;
	static char line[1 << 16];
	int n = 0;
	while (fgets(line, sizeof line, f))
		n += strstr(line, needle) != NULL;
	fclose(f);
	return n;
}

/* sized_tests: questions of every length around the exec's small request
 * buffer (1 KiB, ask.c) run, and each is asked once, in one datagram
 * where the server has the socket: one that does not fit the small
 * buffer is built again in the large one, never asked twice. */
static void sized_tests(void)
{
	int bad = 0, first = 0;
	for (int n = 850; n < 1050; n++) {
		char t[16], needle[32];
		snprintf(t, sizeof t, "%d", n);
		snprintf(needle, sizeof needle, "fit-%d-x", n);
		int code = exit_code(in_child(t_sized, t));
		int ok = code == 0 && logged_count(needle) == 1 &&
			 (strcmp(mode, "stream") == 0 || logged_line(needle, "\"dgram\": true"));
		if (!ok && !bad++)
			first = n;
	}
	char detail[96];
	snprintf(detail, sizeof detail, "%d of 200 lengths failed, the first a word of %d bytes", bad, first);
	check(bad == 0, "questions of every length around the small buffer are asked once", detail);
}

/* said runs fn(t) in a child with its stderr in a file, and reports
 * whether what it wrote there holds needle. */
static int said(execfn fn, const char *t, const char *needle)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s", in_dir("stderr.txt"));
	fflush(stdout);
	fflush(stderr);
	pid_t p = fork();
	if (p == 0) {
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		dup2(fd, 2);
		fn(t);
		_exit(errno == EPERM ? 77 : 100 + errno % 100);
	}
	int st = 0;
	waitpid(p, &st, 0);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char buf[2048];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	return exit_code(st) == 77 && strstr(buf, needle) != NULL;
}

static void t_true_word(const char *t)
{
	char *argv[] = {"true", (char *)t, NULL};
	execve("/bin/true", argv, environ);
}

/* A deny says what was denied and the server's message; a question that
 * requires approval is denied, and says why. */
static void message_tests(void)
{
	check(said(t_true_word, "blocked-marker", "denied: /bin/true: marker blocked"),
	      "a deny says the server's message", "no such line on stderr");
	check(said(t_true_word, "approval-marker",
		   "denied: /bin/true: marker wants a human (requires approval, which preload cannot ask for)"),
	      "a question that requires approval is denied and says so", "no such line on stderr");
}

/* A thread cancelled in system() unwinds through the interposer, running
 * its cleanup handlers: the library's unwind tables are found (it is
 * linked without the start files, see the Makefile). */
static int cleaned;
static void cleanup(void *a)
{
	(void)a;
	cleaned = 1;
}
static void *sleeper(void *a)
{
	(void)a;
	pthread_cleanup_push(cleanup, NULL);
	int r = system("sleep 5");
	(void)r;
	pthread_cleanup_pop(0);
	return NULL;
}
static void cancel_test(void)
{
	pthread_t t;
	void *r = NULL;
	if (pthread_create(&t, NULL, sleeper, NULL) != 0) {
		check(0, "a thread cancelled in system unwinds", "pthread_create failed");
		return;
	}
	usleep(300000);
	pthread_cancel(t);
	pthread_join(t, &r);
	check(r == PTHREAD_CANCELED && cleaned, "a thread cancelled in system unwinds through it",
	      cleaned ? "not cancelled" : "cleanup handler did not run");
}

/* identity_tests: a copy of a system program is judged under that
 * program's name however it is named, and an executable with no path is
 * denied (identity.c reads the system directories and files with its own
 * system calls). */
static void identity_tests(void)
{
	const char *copy = in_dir("tidy");
	unlink(copy);
	int fd = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd < 0 || copy_touch(fd) != 0) {
		check(0, "identity: a copy of touch", "cannot write the copy");
		if (fd >= 0)
			close(fd);
		return;
	}
	close(fd);
	expect_runs("a copy of touch", t_copy, "ok-copy");
	check(logged_as_touch("ok-copy"), "a copy of touch is asked as touch", "no touch call for ok-copy");
	expect_runs("a copy of touch on $PATH", t_copy_path, "ok-copy-path");
	check(logged_as_touch("ok-copy-path"), "a copy of touch found on $PATH is asked as touch",
	      "no touch call for ok-copy-path");
	expect_runs("execveat of a copy of touch", t_copy_at, "ok-copy-at");
	check(logged_as_touch("ok-copy-at"), "execveat of a copy of touch is asked as touch",
	      "no touch call for ok-copy-at");
	expect_denied("a memfd", t_memfd, "ok-memfd");
	unlink(copy);
}

static void enforce(void)
{
	identity_tests();
	cancel_test();
	sized_tests();
	message_tests();
	/* A question whose words all grow to their longest when escaped
	 * still fits the request buffer, and goes as one datagram. */
	check(exit_code(in_child(t_escaped, NULL)) == 0, "a question of escaped words runs", "echo did not run");
	if (strcmp(mode, "stream") != 0)
		check(logged_line("escape-bound-marker", "\"dgram\": true"),
		      "a question of escaped words goes in one datagram", "that call did not come as a datagram");
	for (size_t i = 0; i < sizeof execs / sizeof execs[0]; i++) {
		char ok[64];
		snprintf(ok, sizeof ok, "ok-%s", execs[i].name);
		expect_runs(execs[i].name, execs[i].fn, ok);
		expect_denied(execs[i].name, execs[i].fn, "blocked-marker");
	}
	check(logged("exec -a ls "), "argv0-spoof is asked as exec -a", "no 'exec -a ls' call in the log");
	/* An exec asks in one datagram where the server has the datagram
	 * socket, and on the stream socket where it has not. */
	if (strcmp(mode, "stream") == 0)
		check(!logged("\"dgram\": true"), "without a datagram socket, the stream socket is asked",
		      "a call came as a datagram");
	else
		check(logged("\"dgram\": true"), "an exec asks in one datagram", "no call came as a datagram");
	/* An answer that is not a decision denies, on either socket. */
	expect_denied("execve", t_execve, "garbage-marker");
	spawn_test(1, "garbage-marker", 0);
	system_test("ok-system", 1);
	system_test("blocked-marker", 0);
	popen_test("ok-popen", 1);
	popen_test("blocked-marker", 0);
	spawn_test(0, "ok-spawn", 1);
	spawn_test(0, "blocked-marker", 0);
	spawn_test(1, "ok-spawnp", 1);
	spawn_test(1, "blocked-marker", 0);
	vfork_test();
	failed_exec_tests();
	kept_tests();
	grandchild_tests();
	cwd_tests();
	int code = exit_code(in_child(t_quote, NULL));
	check(code == 0, "argv quoting round-trips through a shell parser", "server saw different words");
	/* errno is untouched on the allowed path. */
	errno = 1234;
	FILE *f = popen("true", "r");
	int e = errno;
	if (f)
		pclose(f);
	check(f && e == 1234, "errno preserved across an allowed popen", "errno changed");
}

static void monitor(void)
{
	expect_runs("execve", t_execve, "blocked-marker");
	check(logged("blocked-marker"), "monitor asks the server", "call not logged");
	system_test("blocked-marker", 1);
	spawn_test(1, "blocked-marker", 1);
	popen_test("blocked-marker", 1);
}

static void closed(void)
{
	expect_denied("execve", t_execve, "ok-closed");
	expect_denied("execvp", t_execvp, "ok-closed");
	system_test("ok-closed", 0);
	popen_test("ok-closed", 0);
	spawn_test(1, "ok-closed", 0);
}

static void open_(void)
{
	expect_runs("execve", t_execve, "ok-open");
	system_test("ok-open", 1);
	spawn_test(0, "ok-open", 1);
}

static void timeout(void)
{
	expect_denied("execve", t_execve, "hang-marker");
	spawn_test(1, "hang-marker", 0);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: check MODE DIR LOG\n");
		return 2;
	}
	mode = argv[1], dir = argv[2], logpath = argv[3];
	if (access(touch_path, X_OK) != 0)
		touch_path = "/bin/touch";
	if (strcmp(mode, "enforce") == 0 || strcmp(mode, "stream") == 0)
		enforce();
	else if (strcmp(mode, "monitor") == 0)
		monitor();
	else if (strcmp(mode, "closed") == 0)
		closed();
	else if (strcmp(mode, "open") == 0)
		open_();
	else if (strcmp(mode, "timeout") == 0)
		timeout();
	else {
		fprintf(stderr, "check: unknown mode %s\n", mode);
		return 2;
	}
	printf("check %s: %d passed, %d failed\n", mode, passed, failed);
	return failed ? 1 : 0;
}
