package shell

import "testing"

// TestServiceSDKsSend checks that a service's SDK in code is a network
// client: what the code gives it goes to the service.
func TestServiceSDKsSend(t *testing.T) {
	for _, c := range []struct{ lang, code string }{
		{"python", "import wandb,os; wandb.init(project='p', config=dict(os.environ))"},
		{"python", "import sentry_sdk; sentry_sdk.capture_message('x')"},
		{"python", "import mlflow; mlflow.log_params({})"},
		{"node", "require('@sentry/node').captureMessage('x')"},
		{"node", "const OpenAI=require('openai'); new OpenAI()"},
	} {
		if !codeFacts(c.lang, c.code).Network {
			t.Errorf("codeFacts(%s, %q) has no network", c.lang, c.code)
		}
	}
	if codeFacts("python", "import os; print(len(os.environ))").Network {
		t.Errorf("plain os code has network")
	}
}
