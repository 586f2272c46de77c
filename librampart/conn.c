/*
 * The connection to rampart-eval.
 *
 * An exec replaces the process, so its question is asked on its own: as
 * one datagram on the datagram socket next to RAMPART_SOCKET (its path and
 * ".dgram"; see rp_dgram_ask), where the server wakes once, with the whole
 * question there, and answers to this socket's address. Where there is no
 * such socket (an older server) or the question does not fit one buffer,
 * it goes on a connection of its own: connect, ask, shut the writing side
 * down (the server then finds the whole exchange waiting and answers it at
 * once), read, close. A call
 * that returns (system, popen, posix_spawn) keeps its connection for the
 * next question of the same process instead, and an exec later in that
 * process uses it too: a process that starts many programs connects once.
 *
 * The kept connection belongs to the process that opened it, and only to
 * that one:
 *
 *   - it is used only when getpid() is the pid that opened it. A child of
 *     vfork shares this memory with its parent and sees the parent's pid
 *     there: it asks on a connection of its own and leaves the record alone;
 *   - a child of fork closes its copy (pthread_atfork), so that two
 *     processes never interleave questions and answers on one stream;
 *   - it is used by one exchange at a time: a second thread, or a signal
 *     handler that execs in the middle of an exchange, asks on a
 *     connection of its own instead of waiting;
 *   - it is SOCK_CLOEXEC, so no program this process runs inherits it, and
 *     before each use its descriptor must still be the socket that was
 *     opened (a program may have closed the descriptor and reused the
 *     number for a file of its own).
 *
 * rampart-eval closes a connection that stays idle; the next question
 * finds it closed before any answer and is asked again on a fresh one.
 */
#define _GNU_SOURCE
#include "rampart.h"
#include "sys.h"

#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static struct {
	int fd;      /* the kept connection, or -1 */
	pid_t pid;   /* the process that opened it; 0 when there is none */
	dev_t dev;   /* what fd was when opened, to see that it still is */
	ino_t ino;
	int busy;    /* taken by an exchange (atomic) */
	int atfork;  /* the fork handler is registered (atomic) */
} kept = {.fd = -1};

/* forked runs in the child of fork: the parent's connection is not ours. */
static void forked(void)
{
	/* Only a connection the parent opened is in our descriptor table
	 * (a record written by a vfork child names a descriptor we lack). */
	if (kept.pid != 0 && kept.pid == rp_sys_getppid())
		rp_sys_close(kept.fd);
	kept.fd = -1;
	kept.pid = 0;
	__atomic_store_n(&kept.busy, 0, __ATOMIC_RELEASE);
}

/* dial opens a fresh connection, or returns -1 with *why set. Like
 * every call here it leaves errno alone (sys.h). */
static int dial(const char **why)
{
	int fd = rp_sys_socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC);
	if (fd < 0) {
		*why = "cannot create a socket";
		return -1;
	}
	/* Bounds connect (unix sockets honour the send timeout) and writes. */
	struct timeval tv = {.tv_sec = rp_cfg.timeout_ms / 1000, .tv_usec = (rp_cfg.timeout_ms % 1000) * 1000};
	rp_sys_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	size_t sl = rp_strlen(rp_cfg.socket);
	for (size_t i = 0; i < sl; i++)
		sa.sun_path[i] = rp_cfg.socket[i];
	int r;
	do
		r = rp_sys_connect(fd, &sa, sizeof sa);
	while (r == -EINTR);
	if (r < 0) {
		rp_sys_close(fd);
		*why = "cannot connect to the eval socket";
		return -1;
	}
	return fd;
}

/* take reports whether this exchange may use the kept connection, and
 * takes it if so. It writes nothing unless the connection is this
 * process's own. */
static int take(void)
{
	if (kept.pid == 0 || kept.pid != rp_sys_getpid())
		return 0;
	if (__atomic_exchange_n(&kept.busy, 1, __ATOMIC_ACQUIRE))
		return 0;
	struct stat st;
	if (kept.fd >= 0 && rp_sys_fstat(kept.fd, &st) == 0 && S_ISSOCK(st.st_mode) && st.st_dev == kept.dev &&
	    st.st_ino == kept.ino)
		return 1;
	/* The descriptor is no longer ours to close: forget it. */
	kept.fd = -1;
	kept.pid = 0;
	__atomic_store_n(&kept.busy, 0, __ATOMIC_RELEASE);
	return 0;
}

/* Set by the start files, or start.c: what names this library to the C
 * library's fork handlers. */
extern void *__dso_handle __attribute__((visibility("hidden")));

/* on_fork registers child to run in the child of every fork, as
 * pthread_atfork(NULL, NULL, child) does: 0, or -1 when it cannot. The C
 * library's function is found here, when a process first keeps a
 * connection, not imported: glibc's pthread_atfork is a call to
 * __register_atfork, of a symbol version (GLIBC_2.3.2) no other import
 * of the library needs, and every import is looked up, and every version
 * checked, by the dynamic loader in every program started with the
 * library (912 instructions for this one), where few programs ever keep
 * a connection (system, popen, posix_spawn). Elsewhere (musl) the C
 * library exports pthread_atfork itself. */
static int on_fork(void (*child)(void))
{
	typedef int (*register_fn)(void (*)(void), void (*)(void), void (*)(void), void *);
	typedef int (*atfork_fn)(void (*)(void), void (*)(void), void (*)(void));
	void *f = dlsym(RTLD_DEFAULT, "__register_atfork");
	if (f)
		return ((register_fn)f)(NULL, NULL, child, __dso_handle) == 0 ? 0 : -1;
	f = dlsym(RTLD_DEFAULT, "pthread_atfork");
	return f && ((atfork_fn)f)(NULL, NULL, child) == 0 ? 0 : -1;
}

/* adopt makes fd the kept connection when there is none and this is a
 * process that may keep one; it reports whether it did. */
static int adopt(int fd)
{
	if (kept.pid != 0 || __atomic_exchange_n(&kept.busy, 1, __ATOMIC_ACQUIRE))
		return 0;
	struct stat st;
	if (kept.pid != 0 || rp_sys_fstat(fd, &st) != 0) {
		__atomic_store_n(&kept.busy, 0, __ATOMIC_RELEASE);
		return 0;
	}
	int saved = errno; /* registering may allocate */
	int registered = __atomic_exchange_n(&kept.atfork, 1, __ATOMIC_ACQ_REL) || on_fork(forked) == 0;
	errno = saved;
	if (!registered) {
		/* Without the handler a fork child would share the stream. */
		__atomic_store_n(&kept.atfork, 0, __ATOMIC_RELEASE);
		__atomic_store_n(&kept.busy, 0, __ATOMIC_RELEASE);
		return 0;
	}
	kept.fd = fd;
	kept.dev = st.st_dev;
	kept.ino = st.st_ino;
	kept.pid = rp_sys_getpid();
	return 1; /* busy stays set: the caller is using it */
}

int rp_conn_take(struct rp_conn *c)
{
	c->fd = -1;
	c->kept = c->reused = 0;
	if (!take())
		return 0;
	c->fd = kept.fd;
	c->kept = c->reused = 1;
	return 1;
}

int rp_conn_get(struct rp_conn *c, int keep, const char **why)
{
	if (rp_conn_take(c))
		return 0;
	c->fd = dial(why);
	if (c->fd < 0)
		return -1;
	if (keep)
		c->kept = adopt(c->fd);
	return 0;
}

void rp_conn_put(struct rp_conn *c, int ok)
{
	if (!c->kept) {
		rp_sys_close(c->fd);
		return;
	}
	if (!ok) {
		/* Where the stream stands is unknown: never use it again. */
		rp_sys_close(c->fd);
		kept.fd = -1;
		kept.pid = 0;
	}
	__atomic_store_n(&kept.busy, 0, __ATOMIC_RELEASE);
}

/* set_addr writes prefix and suffix into sa; 0 when they do not fit. */
static int set_addr(struct sockaddr_un *sa, const char *prefix, const char *suffix)
{
	size_t k = 0;
	sa->sun_family = AF_UNIX;
	for (const char *p = prefix; *p; p++)
		if (k + 1 < sizeof sa->sun_path)
			sa->sun_path[k++] = *p;
		else
			return 0;
	for (const char *p = suffix; *p; p++)
		if (k + 1 < sizeof sa->sun_path)
			sa->sun_path[k++] = *p;
		else
			return 0;
	sa->sun_path[k] = 0;
	return 1;
}

void rp_dgram_init(void)
{
	rp_cfg.have_dgram = rp_cfg.have_socket && set_addr(&rp_cfg.dgram, rp_cfg.socket, ".dgram");
	rp_cfg.have_reply = rp_cfg.have_dgram && set_addr(&rp_cfg.reply, rp_cfg.socket, ".dgram.reply");
}

/* connect_to connects fd to sa: 0 or -errno. */
static int connect_to(int fd, const struct sockaddr_un *sa)
{
	int r;
	do
		r = rp_sys_connect(fd, sa, sizeof *sa);
	while (r == -EINTR);
	return r;
}

int rp_dgram_ask(const char *req, size_t n, int timeout_ms, char *reply, size_t cap, size_t *len, int *held)
{
	if (!rp_cfg.have_dgram)
		return RP_DGRAM_NONE;
	int fd = rp_sys_socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC);
	if (fd < 0)
		return RP_DGRAM_NONE;
	/* An address of our own (the kernel picks an abstract name) for the
	 * answer to come back to; connected, the socket takes datagrams from
	 * the server alone: from its answering socket (PATH.dgram.reply),
	 * which the server never waits on, or, from an older server that has
	 * none, from the datagram socket itself. */
	struct sockaddr_un self = {.sun_family = AF_UNIX};
	long r = rp_sys_bind(fd, &self, sizeof self.sun_family);
	const struct sockaddr_un *to = NULL; /* NULL: the connected socket */
	if (r == 0 && rp_cfg.have_reply && connect_to(fd, &rp_cfg.reply) == 0)
		to = &rp_cfg.dgram;
	else if (r == 0)
		r = connect_to(fd, &rp_cfg.dgram);
	if (r == 0)
		do
			r = rp_sys_sendto(fd, req, n, MSG_DONTWAIT | MSG_NOSIGNAL, to, sizeof *to);
		while (r == -EINTR);
	if (r < 0 || (size_t)r != n) {
		/* Not there (no such socket, an older server), full or too
		 * small: nothing was asked, the stream socket will be. */
		rp_sys_close(fd);
		return RP_DGRAM_NONE;
	}
	/* No clock is read (on the way to an exec, a call into the vDSO is
	 * one more page fault): a wait cut short by a signal goes on for
	 * what is left of it. */
	int out = RP_DGRAM_FAILED;
	struct timespec left = {.tv_sec = timeout_ms / 1000, .tv_nsec = (long)(timeout_ms % 1000) * 1000000L};
	if (timeout_ms < 0)
		left.tv_sec = left.tv_nsec = 0;
	for (;;) {
		int pr = rp_sys_wait_in(fd, &left);
		if (pr == -EINTR)
			continue;
		if (pr <= 0)
			break;
		long got;
		do
			got = rp_sys_recv(fd, reply, cap, 0);
		while (got == -EINTR);
		if (got > 0) {
			*len = (size_t)got;
			out = RP_DGRAM_OK;
		}
		break;
	}
	if (out == RP_DGRAM_OK && held)
		*held = fd;
	else
		rp_sys_close(fd);
	return out;
}
