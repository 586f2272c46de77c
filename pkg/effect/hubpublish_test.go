package effect

import "testing"

// TestHubPublish checks the spellings of an upload to a model hub: the
// client's upload calls, push_to_hub, --push_to_hub, a git remote on the
// hub, ollama push; and that downloads, push_to_hub=False and other
// libraries' upload_file are not.
func TestHubPublish(t *testing.T) {
	for code, want := range map[string]string{
		"from huggingface_hub import HfApi; HfApi().upload_folder(folder_path='out', repo_id='dev/x')": "upload_folder",
		"import huggingface_hub as h; h.upload_large_folder(repo_id='dev/x', folder_path='d')":         "upload_large_folder",
		"from transformers import AutoModel; AutoModel.from_pretrained('m').push_to_hub('dev/m')":      "push_to_hub",
		"from huggingface_hub import snapshot_download; snapshot_download('a/b')":                      "",
		"args = TrainingArguments(output_dir='out', push_to_hub=False)":                                "",
		"import boto3; boto3.client('s3').upload_file('a', 'bucket', 'a')":                             "",
		"from huggingface_hub import HfApi; my_upload_file('x')":                                       "",
		"a=TrainingArguments(output_dir='out', push_to_hub=True); Trainer(args=a).train()":             "push_to_hub=True",
		"from huggingface_hub import HfApi; api=HfApi(); getattr(api,'upload_folder')(repo_id='d/x')":  "upload_folder",
		"from huggingface_hub import HfApi; api=HfApi(); api.run_as_future(api.upload_folder, x=1)":    "upload_folder",
		"import('@huggingface/hub').then(({commit})=>commit({repo:'dev/ft', operations:[]}))":          "commit",
		"from huggingface_hub import Repository; Repository('out', clone_from='d/x').git_push()":       "git_push",
		"from huggingface_hub import HfApi; print(HfApi().list_models(author='dev'))":                  "",
	} {
		if got := codeHubPublish(code); got != want {
			t.Errorf("codeHubPublish(%q) = %q, want %q", code, got, want)
		}
	}
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"train.py", "--push_to_hub", "--hub_model_id", "dev/x"}, true},
		{[]string{"train.py", "--push-to-hub=true"}, true},
		{[]string{"train.py", "--push_to_hub=false"}, false},
		{[]string{"train.py", "--hub_model_id", "dev/x"}, false},
		{[]string{"run", "--", "--push_to_hub"}, false},
	} {
		if got := hubPushOption(c.args) != ""; got != c.want {
			t.Errorf("hubPushOption(%q) = %v, want %v", c.args, got, c.want)
		}
	}
	for u, want := range map[string]bool{
		"https://huggingface.co/spaces/dev/demo":               true,
		"https://dev:$HF_TOKEN@huggingface.co/spaces/dev/demo": true,
		"git@hf.co:spaces/dev/demo":                            true,
		"https://github.com/acme/web":                          false,
		"origin":                                               false,
	} {
		if got := hubRemote(u); got != want {
			t.Errorf("hubRemote(%q) = %v, want %v", u, got, want)
		}
	}
}
