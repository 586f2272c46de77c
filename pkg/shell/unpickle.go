package shell

import "strings"

// Loading a pickle runs whatever code the pickle's author put in it:
// pickle.load, torch.load (unless told weights_only=True), joblib, dill,
// cloudpickle, pandas.read_pickle, numpy.load with allow_pickle=True,
// torch.hub.load of a repository's hubconf. Python code that talks to the
// network and loads a pickle most likely loads what it fetched (a model
// file from a stranger's host): code nobody here has read, as eval of a
// download is. The same loads of the project's own files, with no network
// in the code, are everyday work.

// unpicklers are the Python calls that load a pickle (and so run code).
var unpicklers = []string{"pickle.load", "torch.load(", "joblib.load(", "dill.load", "cloudpickle.load",
	"read_pickle(", "allow_pickle=True", "torch.hub.load(", "shelve.open(",
	// the same loaders under other names: imported bare (from pickle
	// import loads as l), the C module, the Unpickler class
	"from pickle import", "from dill import", "from cloudpickle import", "from joblib import load", "_pickle.load", "cPickle.load", "Unpickler(",
	// loaders that build arbitrary objects as a pickle does: YAML's
	// unsafe loaders, jsonpickle, marshal's code objects
	"yaml.unsafe_load", "yaml.Loader", "yaml.UnsafeLoader", "jsonpickle.decode", "marshal.load"}

// unpickles reports whether Python code loads a pickle: one of the
// unpicklers, torch.load counting only without weights_only=True.
func unpickles(code string) bool {
	for _, u := range unpicklers {
		if !strings.Contains(code, u) {
			continue
		}
		if u == "torch.load(" && strings.Contains(code, "weights_only=True") {
			continue
		}
		return true
	}
	return false
}
