package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "rampart: not built yet")
	os.Exit(2)
}
