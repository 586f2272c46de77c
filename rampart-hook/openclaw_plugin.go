package main

import (
	"embed"
	"io/fs"
)

// openclawPluginFiles is Rampart's OpenClaw plugin, which `rampart-hook
// setup openclaw` writes out: it runs in the gateway's before_tool_call
// hook and asks `rampart-hook --format openclaw`.
//
//go:embed openclaw-plugin
var openclawPluginFiles embed.FS

func openclawPlugin() fs.FS {
	sub, err := fs.Sub(openclawPluginFiles, "openclaw-plugin")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}
