package effect

import "testing"

// TestListenAllSpellings checks the spellings of a server opened to every
// interface that name no address: a flag binding all (--bind_all), a bind
// option given '*', a toolkit's server name variable, a framework's
// server started from code; and public share links opened from code.
func TestListenAllSpellings(t *testing.T) {
	for line, want := range map[string]bool{
		"tensorboard --logdir runs/ --bind_all":                               true,
		"python -m tensorboard.main --logdir runs --bind-all":                 true,
		"jupyter lab --ip='*' --no-browser":                                   true,
		"jupyter notebook --ip '*'":                                           true,
		"jupyter lab --ServerApp.ip='*'":                                      true,
		"GRADIO_SERVER_NAME=0.0.0.0 python app.py":                            true,
		"python3 -c \"import uvicorn; uvicorn.run('m:app', host='0.0.0.0')\"": true,
		"tensorboard --logdir runs/":                                          false,
		"jupyter lab --ip=127.0.0.1":                                          false,
		"panel serve app.py --allow-websocket-origin='*'":                     false,
		"rsync -a --include='*' src/ dst/":                                    false,
		"GRADIO_SERVER_NAME=127.0.0.1 python app.py":                          false,
		"python3 -c \"import uvicorn; uvicorn.run('m:app', port=8000)\"":      false,
		"pytest --all tests/":                                                 false,
	} {
		if got := hasEffect(effectsOf(line), "listen:every-interface"); got != want {
			t.Errorf("%q: listen:every-interface %v, want %v", line, got, want)
		}
	}
	for code, want := range map[string]string{
		"import gradio as gr; gr.Interface(fn=f, inputs='text', outputs='text').launch(share=True)": "launch(share=True)",
		"import gradio as gr; demo.launch(server_port=7860, share = True)":                          "launch(share=True)",
		"from pyngrok import ngrok; print(ngrok.connect(8000))":                                     "ngrok.connect",
		"import gradio as gr; demo.launch(share=False)":                                             "",
		"import gradio as gr; demo.launch()":                                                        "",
	} {
		if got := codeShareLink(code); got != want {
			t.Errorf("codeShareLink(%q) = %q, want %q", code, got, want)
		}
	}
}
