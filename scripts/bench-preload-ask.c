/* bench-preload-ask: asks the question librampart asks for an exec of
 * /bin/true, N times, GAP microseconds apart, the way librampart asks it
 * (a fresh datagram socket bound to an abstract name, connected to
 * SOCK.dgram.reply, one datagram to SOCK.dgram, wait, read, close), and
 * prints the round trips' 10th, 50th and 90th percentiles in microseconds
 * and the number of questions that got no answer.
 *
 * A bash loop execs every few milliseconds, so the server is idle when
 * each question comes: GAP gives the same pause here, without the noise of
 * fork and exec around it. Used by bench-preload.sh; not installed.
 *
 *	bench-preload-ask SOCK N GAP_US */
#define _GNU_SOURCE
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench-preload-ask SOCK N GAP_US\n");
		return 2;
	}
	int n = atoi(argv[2]), gap = atoi(argv[3]);
	if (n < 1)
		return 2;
	char cwd[1024], req[2048];
	if (!getcwd(cwd, sizeof cwd))
		return 2;
	int rl = snprintf(req, sizeof req,
			  "{\"tool\":\"exec\",\"params\":{\"command\":\"/bin/true\"},\"agent\":\"librampart\",\"cwd\":\"%s\"}\n",
			  cwd);
	struct sockaddr_un to = {.sun_family = AF_UNIX}, from = {.sun_family = AF_UNIX};
	if (rl <= 0 || (size_t)rl >= sizeof req ||
	    snprintf(to.sun_path, sizeof to.sun_path, "%s.dgram", argv[1]) >= (int)sizeof to.sun_path ||
	    snprintf(from.sun_path, sizeof from.sun_path, "%s.dgram.reply", argv[1]) >= (int)sizeof from.sun_path)
		return 2;
	long *t = calloc((size_t)n, sizeof *t);
	if (!t)
		return 2;
	int lost = 0;
	for (int i = 0; i < n; i++) {
		if (gap > 0)
			usleep((useconds_t)gap);
		long t0 = now_ns();
		int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		struct sockaddr_un self = {.sun_family = AF_UNIX};
		char buf[1024];
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (fd < 0 || bind(fd, (struct sockaddr *)&self, sizeof self.sun_family) != 0 ||
		    connect(fd, (struct sockaddr *)&from, sizeof from) != 0 ||
		    sendto(fd, req, (size_t)rl, MSG_NOSIGNAL, (struct sockaddr *)&to, sizeof to) != rl ||
		    poll(&p, 1, 2000) != 1 || recv(fd, buf, sizeof buf, 0) <= 0)
			lost++;
		if (fd >= 0)
			close(fd);
		t[i] = now_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof *t, cmp);
	printf("%.1f %.1f %.1f %d\n", t[n / 10] / 1e3, t[n / 2] / 1e3, t[n * 9 / 10] / 1e3, lost);
	return 0;
}
