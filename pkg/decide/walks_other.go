//go:build !linux

package decide

import "io/fs"

// projectWalks does findProject's walk every time: this platform has no
// directory watch that can be checked synchronously before each call.
type projectWalks struct{}

func (*projectWalks) init(*Point) {}
func (*projectWalks) reset()      {}
func (*projectWalks) close()      {}

func (*projectWalks) find(p *Point, cwd string) (string, fs.FileInfo, error) {
	return p.walkProject(cwd, nil)
}

func (*projectWalks) polled() uint64 { return 0 }

// keptRealPath is realPath: no answer is kept here.
func (*projectWalks) keptRealPath(path string, raw bool, since uint64) (string, bool) {
	return realPath(path, raw)
}
