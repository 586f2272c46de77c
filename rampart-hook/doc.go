// Command rampart-hook answers an AI coding agent's tool-call hook from the
// Rampart policy.
package main
