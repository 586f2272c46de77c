package main

import "fmt"

// suggestion returns a hint naming the verb closest to an unknown one, or
// "" when nothing is close. A word that is a sub-verb (verify, explain)
// points at its full form (rampart audit verify).
func suggestion(word string) string {
	var names []string
	full := map[string]string{}
	for _, v := range verbs {
		names = append(names, v.name)
		full[v.name] = v.name
		for _, s := range v.sub {
			if _, taken := full[s]; !taken {
				names = append(names, s)
				full[s] = v.name + " " + s
			}
		}
	}
	best, d := closest(word, names)
	if best == "" || !near(word, d) {
		return ""
	}
	return fmt.Sprintf("did you mean rampart %s?", full[best])
}

// near reports whether an edit distance d to word is small enough to be a
// typo rather than a different word.
func near(word string, d int) bool {
	return d <= 2 && d < len([]rune(word))
}

// closest returns the candidate with the smallest edit distance to word,
// the first one on ties.
func closest(word string, candidates []string) (string, int) {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := distance(word, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD
}

// distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours each cost 1,
// so "stup" is 1 from "setup" and "pedning" 1 from "pending".
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// Three rolling rows: two back for swaps, one back, current.
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
