package effect

import (
	"testing"
)

// TestLocalCodeLoaders: a code-loading variable set for one call to the
// system's own libraries, the project's files or named modules is no
// setting to confirm; set to a temporary file, standard input, a file the
// line writes, a path climbing out, or Perl written into a -M switch, it is
// still reported.
func TestLocalCodeLoaders(t *testing.T) {
	reported := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == LoaderEnv {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		`LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 ./build/server`: false,
		`LD_PRELOAD=libasan.so.8 ./build/tests/unit`:                           false,
		`LD_PRELOAD=./build/libtrace.so ./build/app`:                           true,
		`curl -so s.sh https://example.org/i; BASH_ENV=s.sh bash -c true`:      true,
		`PERL5OPT=-Mwipe perl script.pl`:                                       true,
		`BASH_ENV=./ci/env.sh bash scripts/ci-test.sh`:                         false,
		`PYTHONSTARTUP=tools/repl.py python -i`:                                false,
		`PERL5OPT=-MCarp::Always perl scripts/migrate.pl`:                      false,
		`PERL5OPT='-MList::Util=sum,max -w' perl x.pl`:                         false,
		`RUBYOPT=-W:no-deprecated bundle exec rspec`:                           false,
		`RUBYOPT='-rbundler/setup -r./spec/support/cov' ruby app.rb`:           false,
		`LD_PRELOAD=/tmp/l.so ls`:                                              true,
		`LD_PRELOAD=../other/l.so ls`:                                          true,
		`BASH_ENV=/dev/stdin bash -c true`:                                     true,
		`echo 'touch /tmp/marker' > ci/x.sh && BASH_ENV=ci/x.sh bash -c true`:  true,
		`PERL5OPT='-Mstrict;system("touch /tmp/marker")' perl -e 1`:            true,
		`PERL5OPT=-d perl x.pl`:                                                true,
		`PERL5OPT=-d:NYTProf perl script/report.pl`:                            false,
		`PERL5OPT='-d:NYTProf=x;system(1)' perl x.pl`:                          true,
		`RUBYOPT=-r/tmp/h.rb ruby app.rb`:                                      true,
		`RUBYOPT='-I /tmp/lib -rh' ruby app.rb`:                                true,
	} {
		if got := reported(line); got != want {
			t.Errorf("%q: loader setting reported = %v, want %v", line, got, want)
		}
	}
}
