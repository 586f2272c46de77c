package effect

import "testing"

// TestTrustRemoteCode checks the spellings of a hub repository's code run
// by trust_remote_code: in code, as an option, inside an option's value,
// by the environment; and that off, compared, or named in another
// program's operands is not.
func TestTrustRemoteCode(t *testing.T) {
	for line, want := range map[string]bool{
		`python -c "from transformers import AutoModel; AutoModel.from_pretrained('anon/x', trust_remote_code=True)"`:         true,
		`python3 -c "from transformers import AutoModel; AutoModel.from_pretrained('anon/x', trust_remote_code = True)"`:      true,
		`python3 -c "from transformers import AutoConfig; AutoConfig.from_pretrained('anon/x', trust_remote_code=1)"`:         true,
		"vllm serve anon/custom-7b --trust-remote-code --host 127.0.0.1":                                                      true,
		"lm_eval --model hf --model_args pretrained=anon/x,trust_remote_code=True --tasks hellaswag":                          true,
		"HF_DATASETS_TRUST_REMOTE_CODE=1 python scripts/prep.py":                                                              true,
		`python -c "from transformers import AutoModel; AutoModel.from_pretrained('anon/x', trust_remote_code=False)"`:        false,
		`python -c "import x; print(x.trust_remote_code == True)"`:                                                            false,
		"grep -rn trust_remote_code=True src/":                                                                                false,
		"vllm serve Qwen/Qwen2.5-7B-Instruct --host 127.0.0.1":                                                                false,
		"HF_DATASETS_TRUST_REMOTE_CODE=0 python scripts/prep.py":                                                              false,
		"export HF_DATASETS_TRUST_REMOTE_CODE=1; python scripts/prep.py":                                                      true,
		"export HF_DATASETS_TRUST_REMOTE_CODE=1; ls data/":                                                                    false,
		`python3 -c "from transformers import AutoModel; AutoModel.from_pretrained('anon/x', **{'trust_remote_code': True})"`: true,
		`python3 run.py --model-kwargs '{"trust_remote_code": true}'`:                                                         true,
		`python3 -c "from transformers import AutoModel; AutoModel.from_pretrained('anon/x', trust_remote_code=bool(1))"`:     true,
		"HF_DATASETS_TRUST_REMOTE_CODE=yes python3 prep.py":                                                                   true,
		`python3 -c "from transformers import AutoModel; AutoModel.from_pretrained('x', **{'trust_remote_code': False})"`:     false,
	} {
		if got := hasEffect(effectsOf(line), "remote-code:hub"); got != want {
			t.Errorf("%q: remote-code:hub %v, want %v", line, got, want)
		}
	}
}
