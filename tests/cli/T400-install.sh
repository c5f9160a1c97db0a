# T400-install: cmake --install gives a usable lede: the programs run from
# the prefix, and examples/search_folder.c builds against it with only
# pkg-config and with only find_package(lede), shared and static, and
# answers as lede-search does.
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/lib.sh"
: "${LEDE_BUILD:?set by ctest: the build tree to install}"
: "${LEDE_CC:?set by ctest: the C compiler}"
: "${LEDE_CMAKE:=cmake}"
SAN=${LEDE_SAN_FLAGS:-}
P="$LEDE_TMP/prefix"
unset DESTDIR PKG_CONFIG_PATH CMAKE_PREFIX_PATH LD_LIBRARY_PATH

command -v pkg-config >/dev/null 2>&1 || skip "pkg-config is not installed"

# ---- What goes where. -------------------------------------------------------
"$LEDE_CMAKE" --install "$LEDE_BUILD" --prefix "$P" >install.log 2>&1
rc=$?
expect_rc 0 "cmake --install (install.log: $(tail -3 install.log))"
pc=$(find "$P" -name lede.pc)
libdir=$(dirname "$(dirname "$pc")")
for f in bin/lede-index bin/lede-search include/lede.h \
	share/man/man1/lede-index.1 share/man/man1/lede-search.1 \
	share/man/man3/lede.3 share/bash-completion/completions/lede-index \
	share/bash-completion/completions/lede-search \
	share/zsh/site-functions/_lede; do
	[ -f "$P/$f" ] && ok || not_ok "cmake --install did not install $f"
done
for f in liblede.a liblede.so cmake/lede/ledeConfig.cmake \
	cmake/lede/ledeConfigVersion.cmake cmake/lede/ledeTargets.cmake \
	cmake/lede/ledeStaticTargets.cmake; do
	[ -f "$libdir/$f" ] && ok || not_ok "cmake --install did not install $libdir/$f"
done
# The binding's header is the library's business, not its users'.
[ -e "$P/include/xapian-c.h" ] && not_ok "xapian-c.h was installed" || ok
cmp -s "$P/include/lede.h" "$LEDE_SRC/include/lede.h" && ok ||
	not_ok "the installed lede.h differs from include/lede.h"

# One version everywhere: the header's macros, the library, the programs,
# lede.pc, the SONAME (MAJOR.MINOR before 1.0, then MAJOR).
hdr() { sed -n "s/^#define LEDE_VERSION_$1 \"*\([0-9.]*\)\"*$/\1/p" "$P/include/lede.h"; }
version=$(hdr STRING)
expect_eq "$version" "$(hdr MAJOR).$(hdr MINOR).$(hdr PATCH)" \
	"LEDE_VERSION_STRING is MAJOR.MINOR.PATCH"
if [ "$(hdr MAJOR)" = 0 ]; then soname="liblede.so.0.$(hdr MINOR)"; else soname="liblede.so.$(hdr MAJOR)"; fi
readelf -d "$libdir/liblede.so" >dynamic.txt 2>&1
expect_in dynamic.txt "Library soname: [$soname]" "liblede.so's SONAME is $soname"
[ -f "$libdir/liblede.so.$version" ] && ok || not_ok "no liblede.so.$version"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
expect_eq "$(pkg-config --modversion lede)" "$version" "lede.pc's version"
expect_eq "$(pkg-config --variable=prefix lede)" "$P" "lede.pc names the prefix installed to"

# ---- The installed programs run from the prefix, on the installed library.
run "$P/bin/lede-search" --version
expect_in out "lede-search $version" "installed lede-search --version"
ldd "$P/bin/lede-search" >ldd.txt 2>&1
used=$(sed -n 's/.*liblede[^ ]* => \([^ ]*\) .*/\1/p' ldd.txt)
expect_eq "$(readlink -f "$used")" "$(readlink -f "$libdir/$soname")" \
	"installed lede-search uses the installed library"
run "$P/bin/lede-index" --quiet --db "$LEDE_TMP/cli.lede" "$FIXTURES/news"
expect_rc 0 "installed lede-index indexes the fixtures"
"$P/bin/lede-search" --db "$LEDE_TMP/cli.lede" --limit 5 --facet section:20 \
	said >search.txt 2>&1
expect_eq "$?" 0 "installed lede-search searches them"

# What search_folder must print: what lede-search says of the same query.
sed -n 1p search.txt >want.txt
"$P/bin/lede-search" --db "$LEDE_TMP/cli.lede" --limit 5 --format ids \
	said >>want.txt
sed -n 's/^section: //p' search.txt | sed 's/ · /\n/g' >>want.txt
[ "$(wc -l <want.txt)" -ge 4 ] && ok || not_ok "lede-search found too little to compare: $(cat want.txt)"

# check_example NAME PROGRAM: PROGRAM indexes the fixtures into an index of
# its own and gives the answer lede-search gave.
check_example() {
	rm -rf "$LEDE_TMP/$1.lede"
	"$2" "$LEDE_TMP/$1.lede" "$FIXTURES/news" said >"$1.out" 2>"$1.err"
	expect_eq "$?" 0 "$1 runs ($(cat "$1.err"))"
	{
		sed -n 1p "$1.out"
		awk '$1 ~ /^[0-9]+\.$/ { print $2 }' "$1.out"
		sed -n '/^sections:$/,$p' "$1.out" | awk 'NR > 1 { print $1, $2 }'
	} >"$1.got"
	expect_same_file "$1.got" want.txt "$1 answers as lede-search"
}

# ---- pkg-config: the one-line command in search_folder.c's comment. ------
mkdir pc && cp "$LEDE_SRC/examples/search_folder.c" pc/
cc_line=$(sed -n 's/^ \*   \(cc .*pkg-config.*\)$/\1/p' pc/search_folder.c)
expect_in pc/search_folder.c "pkg-config --cflags --libs lede" \
	"search_folder.c says how to build it with pkg-config"
# Strict warnings, and the flags of a sanitizer build of the library.
cc_line="$LEDE_CC $SAN -std=c11 -Wall -Wextra -pedantic -Werror ${cc_line#cc }"
(cd pc && eval "$cc_line") >pc.log 2>&1
expect_eq "$?" 0 "'$cc_line' builds ($(cat pc.log))"
LD_LIBRARY_PATH="$libdir" check_example pkg-config-shared pc/search_folder

# Static: liblede.a and what pkg-config --static adds (Requires.private,
# Libs.private). That needs the static forms of the system libraries that
# Xapian lists: without them, say so and go on.
echo 'int main(void) { return 0; }' >pc/empty.c
# shellcheck disable=SC2046 # flags are meant to split
if (cd pc && $LEDE_CC $SAN -o empty empty.c \
	$(pkg-config --static --libs xapian-core zlib)) >/dev/null 2>&1; then
	static_libs=$(pkg-config --static --libs lede | sed 's/-llede\b/-l:liblede.a/')
	# shellcheck disable=SC2086 # flags are meant to split
	(cd pc && $LEDE_CC $SAN -o search_folder_static search_folder.c \
		$(pkg-config --cflags lede) $static_libs) >static.log 2>&1
	expect_eq "$?" 0 "linking liblede.a with pkg-config --static ($(cat static.log))"
	readelf -d pc/search_folder_static >dynamic.txt 2>&1
	expect_not_in dynamic.txt "liblede" "the static build needs no liblede.so"
	check_example pkg-config-static pc/search_folder_static
else
	echo "the system's static libraries are missing (Xapian's, zlib's): pkg-config --static not checked"
fi

# ---- CMake: find_package(lede) from examples/CMakeLists.txt. ----------------
# cmake_example NAME [OPTION...]: configures and builds examples/ in NAME.
cmake_example() {
	name=$1
	shift
	"$LEDE_CMAKE" -S "$LEDE_SRC/examples" -B "$name" \
		-DCMAKE_PREFIX_PATH="$P" -DCMAKE_C_COMPILER="$LEDE_CC" \
		-DCMAKE_CXX_COMPILER="${LEDE_CXX:-c++}" \
		-DCMAKE_C_FLAGS="$SAN" -DCMAKE_CXX_FLAGS="$SAN" \
		-DCMAKE_EXE_LINKER_FLAGS="$SAN" "$@" >"$name.log" 2>&1 &&
		"$LEDE_CMAKE" --build "$name" >>"$name.log" 2>&1
	expect_eq "$?" 0 "examples/ builds with find_package ($name.log: $(tail -5 "$name.log"))"
}
cmake_example cmake-shared
check_example cmake-shared cmake-shared/search_folder
readelf -d cmake-shared/search_folder >dynamic.txt 2>&1
expect_in dynamic.txt "$soname" "lede::lede is liblede.so"
cmake_example cmake-static -DSEARCH_FOLDER_STATIC=ON
check_example cmake-static cmake-static/search_folder
readelf -d cmake-static/search_folder >dynamic.txt 2>&1
expect_not_in dynamic.txt "liblede" "lede::lede_static is liblede.a"
# A component lede does not have is an error, not a silent success.
mkdir -p badproj
cat >badproj/CMakeLists.txt <<'EOF'
cmake_minimum_required(VERSION 3.18)
project(bad LANGUAGES C)
find_package(lede REQUIRED COMPONENTS nonesuch)
EOF
"$LEDE_CMAKE" -S badproj -B badproj/build -DCMAKE_PREFIX_PATH="$P" \
	-DCMAKE_C_COMPILER="$LEDE_CC" >out 2>err
rc=$?
[ "$rc" -ne 0 ] && ok || not_ok "find_package(lede COMPONENTS nonesuch) succeeded"
expect_in err "nonesuch" "the unknown component is named"

done_testing
