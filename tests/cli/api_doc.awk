# api_doc.awk: reads lede.h and lists what its comments promise.
# SPDX-License-Identifier: MIT
#
# For T025-api-docs.sh; POSIX awk (mawk and busybox too). Prints one line
# per finding, tab-separated:
#   function NAME RETURN-TYPE        every function lede.h declares
#   pair NAME STATUS                 a status NAME's comment says it returns
#   problem TEXT                     a promise missing or naming nothing
# A function's comment is the block comment that ends on the line just
# before its declaration; declarations that follow one another with no
# line between share it. The statuses it returns are the members of enum
# lede_status that the comment names after the word "Returns".

function add_code(text) {
	code = code " " text
	if (text ~ /typedef enum lede_status[ \t]*\{/)
		in_status = 1
	if (in_status) {
		status_code = status_code " " text
		if (text ~ /\}[ \t]*lede_status_t[ \t]*;/)
			in_status = 0
	}
}

# The identifiers of s that start with prefix, one per array slot.
function idents(s, out, prefix,    n, i, k, t, parts) {
	gsub(/[^A-Za-z0-9_]/, " ", s)
	n = split(s, parts, " ")
	k = 0
	for (i = 1; i <= n; i++) {
		t = parts[i]
		if (substr(t, 1, length(prefix)) == prefix)
			out[++k] = t
	}
	return k
}

# A name a comment gives must be one the code defines. "$LEDE_DB" is an
# environment variable; "LEDE_PARSE_*" a family, of which one must exist.
function check_names(text) {
	gsub(/\$[A-Za-z_][A-Za-z0-9_]*/, " ", text)
	gsub(/_\*/, "_FAMILY_ ", text)
	check_prefix(text, "LEDE_")
	check_prefix(text, "lede_")
}

function check_prefix(text, prefix,    n, i, t, d, family, found) {
	n = idents(text, found, prefix)
	for (i = 1; i <= n; i++) {
		t = found[i]
		if (t ~ /_FAMILY_$/) {
			sub(/FAMILY_$/, "", t)
			family = 0
			for (d in defined)
				if (index(d, t) == 1)
					family = 1
			if (!family)
				print "problem\tline " FNR ": comment names " \
				      t "*, which lede.h has none of"
		} else if (!(t in defined)) {
			print "problem\tline " FNR ": comment names " t \
			      ", which lede.h does not define"
		}
	}
}

function finish_decl(    doc, ret, st, n, i, t, found, after, ok, seen) {
	if (decl_doc_line == decl_start - 1 && decl_doc_line > 0)
		doc = decl_doc
	else if (last_decl_end == decl_start - 1 && last_decl_doc != "")
		doc = last_decl_doc
	else
		doc = ""
	print "function\t" decl_name "\t" decl_ret
	if (doc == "")
		print "problem\t" decl_name ": no comment above its declaration"
	if (decl_ret ~ /^lede_status_t/) {
		st = index(doc, "Returns")
		if (st == 0) {
			if (doc != "")
				print "problem\t" decl_name ": returns " \
				      "lede_status_t, its comment has no " \
				      "\"Returns\" list"
		} else {
			after = substr(doc, st)
			n = idents(after, found, "LEDE_")
			ok = 0
			split("", seen)
			for (i = 1; i <= n; i++) {
				t = found[i]
				if (!(t in is_status) || (t in seen))
					continue
				seen[t] = 1
				print "pair\t" decl_name "\t" t
				if (t == "LEDE_OK")
					ok = 1
			}
			if (!ok)
				print "problem\t" decl_name ": its \"Returns\" " \
				      "list does not name LEDE_OK"
		}
	}
	last_decl_end = FNR
	last_decl_doc = doc
}

# First pass (the header itself, read twice): the names the code
# defines, and the statuses.
FNR == 1 { pass++ }

pass == 1 {
	line = $0
	while (line != "") {
		if (in_comment) {
			e = index(line, "*/")
			if (e == 0)
				break
			line = substr(line, e + 2)
			in_comment = 0
			continue
		}
		s = index(line, "/*")
		if (s == 0) {
			add_code(line)
			break
		}
		add_code(substr(line, 1, s - 1))
		line = substr(line, s + 2)
		in_comment = 1
	}
	next
}

pass == 2 && FNR == 1 {
	n = idents(code, names, "LEDE_")
	for (i = 1; i <= n; i++)
		defined[names[i]] = 1
	n = idents(code, names, "lede_")
	for (i = 1; i <= n; i++)
		defined[names[i]] = 1
	n = idents(status_code, names, "LEDE_")
	for (i = 1; i <= n; i++)
		is_status[names[i]] = 1
	in_comment = 0
	in_decl = 0
}

pass == 2 {
	line = $0
	code_here = ""
	while (line != "") {
		if (in_comment) {
			e = index(line, "*/")
			if (e == 0) {
				ctext = ctext " " line
				break
			}
			ctext = ctext " " substr(line, 1, e - 1)
			line = substr(line, e + 2)
			in_comment = 0
			check_names(ctext)
			if (comment_alone) {
				last_doc = ctext
				last_doc_line = FNR
			}
			continue
		}
		s = index(line, "/*")
		if (s == 0) {
			code_here = code_here line
			break
		}
		code_here = code_here substr(line, 1, s - 1)
		line = substr(line, s + 2)
		in_comment = 1
		ctext = ""
		comment_alone = code_here ~ /^[ \t]*$/
	}
	if (!in_decl && code_here ~ /^[a-z_][a-z0-9_ ]*[ *]lede_[a-z0-9_]+\(/) {
		in_decl = 1
		decl_start = FNR
		decl_name = code_here
		sub(/\(.*/, "", decl_name)
		decl_ret = decl_name
		sub(/.*[ *]/, "", decl_name)
		decl_ret = substr(decl_ret, 1, length(decl_ret) - length(decl_name))
		decl_doc = last_doc
		decl_doc_line = last_doc_line
	}
	if (in_decl && index(code_here, ";")) {
		in_decl = 0
		finish_decl()
	}
}
