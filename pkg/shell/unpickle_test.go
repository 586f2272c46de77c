package shell

import "testing"

// TestUnpicklesFetched: Python code that talks to the network and loads a
// pickle (torch.load, joblib, dill, pandas and numpy's pickle readers,
// torch.hub) runs code it fetched; the same loads of local files, or
// torch.load told weights_only=True, do not.
func TestUnpicklesFetched(t *testing.T) {
	for code, want := range map[string]bool{
		`import torch, urllib.request; urllib.request.urlretrieve('https://h.example/x.pt','m.pt'); torch.load('m.pt', weights_only=False)`:     true,
		`import joblib,io,requests; joblib.load(io.BytesIO(requests.get('https://h.example/m').content))`:                                       true,
		`import numpy as np, urllib.request; urllib.request.urlretrieve('http://h.example/w.npy','w.npy'); np.load('w.npy', allow_pickle=True)`: true,
		`import pandas as pd; pd.read_pickle('https://h.example/q.pkl')`:                                                                        true,
		`import dill, requests; dill.loads(requests.get('https://h.example/r').content)`:                                                        true,
		`import torch; torch.hub.load('someone/models', 'net', trust_repo=True)`:                                                                true,
		`import torch, requests, io; torch.load(io.BytesIO(requests.get('https://h.example/m.pt').content), weights_only=True)`:                 false,
		`import torch; m = torch.load('checkpoints/last.pt'); print(m['epoch'])`:                                                                false,
		`import joblib; print(joblib.load('artifacts/model.joblib'))`:                                                                           false,
		`import requests; print(requests.get('http://localhost:8000/health').json())`:                                                           false,
	} {
		if got := codeFacts("python", code).Dynamic; got != want {
			t.Errorf("%s: Dynamic = %v, want %v", code, got, want)
		}
	}
}
