/* Snowball's Dutch stemmer in JavaScript, for the search worker.
 *
 * Generated from dutch.sbl by Snowball 3.1.1 - https://snowballstem.org/; ported from the Python
 * of snowballstemmer 
 * by scripts/kinderwerk/search_stemmer_port.py (do not edit by hand).
 * Snowball: Copyright (c) 2001 Dr Martin Porter, (c) 2002 Richard Boulton,
 * (c) 2004-2025 Olly Betts and others; BSD 3-Clause licence
 * (https://snowballstem.org/license.html).
 *
 * Usage: stemNl("samengewerkt") === "samenwerk"
 */
(function (root) {
"use strict";

function Among(s, substring_i, result) {
  this.s = s; this.substring_i = substring_i; this.result = result;
}

function BaseStemmer() {
  this.setCurrent("");
}
BaseStemmer.prototype.setCurrent = function (value) {
  this.current = value; this.cursor = 0; this.limit = value.length;
  this.limit_backward = 0; this.bra = this.cursor; this.ket = this.limit;
};
BaseStemmer.prototype.in_grouping = function (s) {
  if (this.cursor >= this.limit || !s.has(this.current[this.cursor])) return false;
  this.cursor += 1; return true;
};
BaseStemmer.prototype.in_grouping_b = function (s) {
  if (this.cursor <= this.limit_backward || !s.has(this.current[this.cursor - 1])) return false;
  this.cursor -= 1; return true;
};
BaseStemmer.prototype.out_grouping = function (s) {
  if (this.cursor >= this.limit || s.has(this.current[this.cursor])) return false;
  this.cursor += 1; return true;
};
BaseStemmer.prototype.out_grouping_b = function (s) {
  if (this.cursor <= this.limit_backward || s.has(this.current[this.cursor - 1])) return false;
  this.cursor -= 1; return true;
};
BaseStemmer.prototype.go_in_grouping = function (s) {
  while (this.cursor < this.limit) { if (!s.has(this.current[this.cursor])) return true; this.cursor += 1; }
  return false;
};
BaseStemmer.prototype.go_in_grouping_b = function (s) {
  while (this.cursor > this.limit_backward) { if (!s.has(this.current[this.cursor - 1])) return true; this.cursor -= 1; }
  return false;
};
BaseStemmer.prototype.go_out_grouping = function (s) {
  while (this.cursor < this.limit) { if (s.has(this.current[this.cursor])) return true; this.cursor += 1; }
  return false;
};
BaseStemmer.prototype.go_out_grouping_b = function (s) {
  while (this.cursor > this.limit_backward) { if (s.has(this.current[this.cursor - 1])) return true; this.cursor -= 1; }
  return false;
};
BaseStemmer.prototype.eq_s = function (s) {
  if (this.limit - this.cursor < s.length || this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
  this.cursor += s.length; return true;
};
BaseStemmer.prototype.eq_s_b = function (s) {
  if (this.cursor - this.limit_backward < s.length || this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
  this.cursor -= s.length; return true;
};
BaseStemmer.prototype.find_among = function (v) {
  var i = 0, j = v.length, c = this.cursor, l = this.limit, common_i = 0, common_j = 0, first = false;
  while (true) {
    var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
    for (var i2 = common; i2 < w.s.length; i2++) {
      if (c + common === l) { diff = -1; break; }
      diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
      if (diff !== 0) break;
      common++;
    }
    if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
    if (j - i <= 1) {
      if (i > 0 || j === i || first) break;
      first = true;
    }
  }
  while (true) {
    var w2 = v[i];
    if (common_i >= w2.s.length) { this.cursor = c + w2.s.length; return w2.result; }
    i = w2.substring_i;
    if (i < 0) return 0;
  }
};
BaseStemmer.prototype.find_among_b = function (v) {
  var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward, common_i = 0, common_j = 0, first = false;
  while (true) {
    var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
    for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
      if (c - common === lb) { diff = -1; break; }
      diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
      if (diff !== 0) break;
      common++;
    }
    if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
    if (j - i <= 1) {
      if (i > 0 || j === i || first) break;
      first = true;
    }
  }
  while (true) {
    var w2 = v[i];
    if (common_i >= w2.s.length) { this.cursor = c - w2.s.length; return w2.result; }
    i = w2.substring_i;
    if (i < 0) return 0;
  }
};
BaseStemmer.prototype.replace_s = function (c_bra, c_ket, s) {
  var adjustment = s.length - (c_ket - c_bra);
  this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
  this.limit += adjustment;
  if (this.cursor >= c_ket) this.cursor += adjustment;
  else if (this.cursor > c_bra) this.cursor = c_bra;
  return adjustment;
};
BaseStemmer.prototype.slice_from = function (s) {
  this.replace_s(this.bra, this.ket, s);
  this.ket = this.bra + s.length;
};
BaseStemmer.prototype.slice_del = function () { this.slice_from(""); };
BaseStemmer.prototype.insert = function (c_bra, c_ket, s) {
  var adjustment = this.replace_s(c_bra, c_ket, s);
  if (c_bra <= this.bra) this.bra += adjustment;
  if (c_bra <= this.ket) this.ket += adjustment;
};
BaseStemmer.prototype.slice_to = function () { return this.current.slice(this.bra, this.ket); };

var lab0 = {label: 'lab0'};
var lab1 = {label: 'lab1'};
var lab2 = {label: 'lab2'};

function S() {
  BaseStemmer.call(this);
  this.B_GE_removed = false;
  this.I_p1 = 0;
  this.I_p2 = 0;
}
S.prototype = Object.create(BaseStemmer.prototype);
S.g_E = new Set(["e", "è", "é", "ê", "ë"]);
S.g_AIOU = new Set(["a", "i", "o", "u", "à", "á", "â", "ä", "ì", "í", "î", "ï", "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü"]);
S.g_AEIOU = new Set(["a", "e", "i", "o", "u", "à", "á", "â", "ä", "è", "é", "ê", "ë", "ì", "í", "î", "ï", "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü"]);
S.g_v = new Set(["a", "e", "i", "o", "u", "y", "à", "á", "â", "ä", "è", "é", "ê", "ë", "ì", "í", "î", "ï", "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü"]);
S.g_v_WX = new Set(["a", "e", "i", "o", "u", "w", "x", "y", "à", "á", "â", "ä", "è", "é", "ê", "ë", "ì", "í", "î", "ï", "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü"]);
S.B_GE_removed = false;
S.I_p2 = 0;
S.I_p1 = 0;
S.a_0 = [ new Among("a", -1, 1), new Among("e", -1, 2), new Among("o", -1, 1), new Among("u", -1, 1), new Among("à", -1, 1), new Among("á", -1, 1), new Among("â", -1, 1), new Among("ä", -1, 1), new Among("è", -1, 2), new Among("é", -1, 2), new Among("ê", -1, 2), new Among("eë", -1, 3), new Among("ië", -1, 4), new Among("ò", -1, 1), new Among("ó", -1, 1), new Among("ô", -1, 1), new Among("ö", -1, 1), new Among("ù", -1, 1), new Among("ú", -1, 1), new Among("û", -1, 1), new Among("ü", -1, 1) ];
S.a_1 = [ new Among("nde", -1, 8), new Among("en", -1, 7), new Among("s", -1, 2), new Among("'s", 2, 1), new Among("es", 2, 4), new Among("ies", 4, 3), new Among("aus", 2, 6), new Among("és", 2, 5) ];
S.a_2 = [ new Among("de", -1, 5), new Among("ge", -1, 2), new Among("ische", -1, 4), new Among("je", -1, 1), new Among("lijke", -1, 3), new Among("le", -1, 9), new Among("ene", -1, 10), new Among("re", -1, 8), new Among("se", -1, 7), new Among("te", -1, 6), new Among("ieve", -1, 11) ];
S.a_3 = [ new Among("heid", -1, 3), new Among("fie", -1, 7), new Among("gie", -1, 8), new Among("atie", -1, 1), new Among("isme", -1, 5), new Among("ing", -1, 5), new Among("arij", -1, 6), new Among("erij", -1, 5), new Among("sel", -1, 3), new Among("rder", -1, 4), new Among("ster", -1, 3), new Among("iteit", -1, 2), new Among("dst", -1, 10), new Among("tst", -1, 9) ];
S.a_4 = [ new Among("end", -1, 9), new Among("atief", -1, 2), new Among("erig", -1, 9), new Among("achtig", -1, 3), new Among("ioneel", -1, 1), new Among("baar", -1, 3), new Among("laar", -1, 5), new Among("naar", -1, 4), new Among("raar", -1, 6), new Among("eriger", -1, 9), new Among("achtiger", -1, 3), new Among("lijker", -1, 8), new Among("tant", -1, 7), new Among("erigst", -1, 9), new Among("achtigst", -1, 3), new Among("lijkst", -1, 8) ];
S.a_5 = [ new Among("ig", -1, 1), new Among("iger", -1, 1), new Among("igst", -1, 1) ];
S.a_6 = [ new Among("ft", -1, 2), new Among("kt", -1, 1), new Among("pt", -1, 3) ];
S.as_6 = ["k", "f", "p"];
S.a_7 = [ new Among("bb", -1, 1), new Among("cc", -1, 2), new Among("dd", -1, 3), new Among("ff", -1, 4), new Among("gg", -1, 5), new Among("hh", -1, 6), new Among("jj", -1, 7), new Among("kk", -1, 8), new Among("ll", -1, 9), new Among("mm", -1, 10), new Among("nn", -1, 11), new Among("pp", -1, 12), new Among("qq", -1, 13), new Among("rr", -1, 14), new Among("ss", -1, 15), new Among("tt", -1, 16), new Among("v", -1, 4), new Among("vv", 16, 17), new Among("ww", -1, 18), new Among("xx", -1, 19), new Among("z", -1, 15), new Among("zz", 20, 20) ];
S.a_8 = [ new Among("d", -1, 1), new Among("t", -1, 2) ];
S.a_9 = [ new Among("", -1, -1), new Among("eft", 0, 1), new Among("vaa", 0, 1), new Among("val", 0, 1), new Among("vali", 3, -1), new Among("vare", 0, 1) ];
S.a_10 = [ new Among("ë", -1, 1), new Among("ï", -1, 2) ];
S.as_10 = ["e", "i"];
S.a_11 = [ new Among("ë", -1, 1), new Among("ï", -1, 2) ];
S.as_11 = ["e", "i"];

    S.prototype.r_R1 = function () {
        return this.I_p1 <= this.cursor;
}
    S.prototype.r_R2 = function () {
        return this.I_p2 <= this.cursor;
}
    S.prototype.r_V = function () {
        var v_1 = this.limit - this.cursor;
        while (true) {
            try {
                if (!this.in_grouping_b(S.g_v)) {
                    throw lab0;
}
                break;
}
            catch (e) { if (e !== lab0) throw e; }
            if (!this.eq_s_b("ij")) {
                return false;
}
            break;
}
        this.cursor = this.limit - v_1;
        return true;
}
    S.prototype.r_VX = function () {
        var v_1 = this.limit - this.cursor;
        if (this.cursor <= this.limit_backward) {
            return false;
}
        this.cursor -= 1;
        while (true) {
            try {
                if (!this.in_grouping_b(S.g_v)) {
                    throw lab0;
}
                break;
}
            catch (e) { if (e !== lab0) throw e; }
            if (!this.eq_s_b("ij")) {
                return false;
}
            break;
}
        this.cursor = this.limit - v_1;
        return true;
}
    S.prototype.r_C = function () {
        var v_1 = this.limit - this.cursor;
        try {
            if (!this.eq_s_b("ij")) {
                throw lab0;
}
            return false;
}
        catch (e) { if (e !== lab0) throw e; }
        if (!this.out_grouping_b(S.g_v)) {
            return false;
}
        this.cursor = this.limit - v_1;
        return true;
}
    S.prototype.r_lengthen_V = function () {
        var v_1 = this.limit - this.cursor;
        try {
            if (!this.out_grouping_b(S.g_v_WX)) {
                throw lab0;
}
            this.ket = this.cursor;
            var among_var = this.find_among_b(S.a_0);
            if (among_var === 0) {
                throw lab0;
}
            this.bra = this.cursor;
            if (among_var === 1) {
                var v_2 = this.limit - this.cursor;
                while (true) {
                    try {
                        if (!this.out_grouping_b(S.g_AEIOU)) {
                            throw lab1;
}
                        break;
}
                    catch (e) { if (e !== lab1) throw e; }
                    if (this.cursor > this.limit_backward) {
                        throw lab0;
}
                    break;
}
                this.cursor = this.limit - v_2;
                var S_ch = this.slice_to();
                var c = this.cursor;
                this.insert(this.cursor, this.cursor, S_ch);
                this.cursor = c;
}
            else if (among_var === 2) {
                var v_3 = this.limit - this.cursor;
                while (true) {
                    try {
                        if (!this.out_grouping_b(S.g_AEIOU)) {
                            throw lab1;
}
                        break;
}
                    catch (e) { if (e !== lab1) throw e; }
                    if (this.cursor > this.limit_backward) {
                        throw lab0;
}
                    break;
}
                var v_4 = this.limit - this.cursor;
                try {
                    while (true) {
                        try {
                            if (!this.in_grouping_b(S.g_AIOU)) {
                                throw lab2;
}
                            break;
}
                        catch (e) { if (e !== lab2) throw e; }
                        if (!this.in_grouping_b(S.g_E)) {
                            throw lab1;
}
                        if (this.cursor > this.limit_backward) {
                            throw lab1;
}
                        break;
}
                    throw lab0;
}
                catch (e) { if (e !== lab1) throw e; }
                this.cursor = this.limit - v_4;
                var v_5 = this.limit - this.cursor;
                try {
                    if (this.cursor <= this.limit_backward) {
                        throw lab1;
}
                    this.cursor -= 1;
                    if (!this.in_grouping_b(S.g_AIOU)) {
                        throw lab1;
}
                    if (!this.out_grouping_b(S.g_AEIOU)) {
                        throw lab1;
}
                    throw lab0;
}
                catch (e) { if (e !== lab1) throw e; }
                this.cursor = this.limit - v_5;
                this.cursor = this.limit - v_3;
                var S_ch = this.slice_to();
                var c = this.cursor;
                this.insert(this.cursor, this.cursor, S_ch);
                this.cursor = c;
}
            else if (among_var === 3) {
                this.slice_from("eëe");
}
            else {
                this.slice_from("iee");
}
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_1;
        return true;
}
    S.prototype.r_Step_1 = function () {
        this.ket = this.cursor;
        var among_var = this.find_among_b(S.a_1);
        if (among_var === 0) {
            return false;
}
        this.bra = this.cursor;
        if (among_var === 1) {
            this.slice_del();
}
        else if (among_var === 2) {
            if (!this.r_R1()) {
                return false;
}
            var v_1 = this.limit - this.cursor;
            try {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "t") {
                    throw lab0;
}
                this.cursor -= 1;
                if (!this.r_R1()) {
                    throw lab0;
}
                return false;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_1;
            if (!this.r_C()) {
                return false;
}
            this.slice_del();
}
        else if (among_var === 3) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("ie");
}
        else if (among_var === 4) {
            while (true) {
                var v_2 = this.limit - this.cursor;
                try {
                    var v_3 = this.limit - this.cursor;
                    if (!this.eq_s_b("ar")) {
                        throw lab0;
}
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_C()) {
                        throw lab0;
}
                    this.cursor = this.limit - v_3;
                    this.slice_del();
                    this.r_lengthen_V();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_2;
                try {
                    var v_4 = this.limit - this.cursor;
                    if (!this.eq_s_b("er")) {
                        throw lab0;
}
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_C()) {
                        throw lab0;
}
                    this.cursor = this.limit - v_4;
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_2;
                if (!this.r_R1()) {
                    return false;
}
                if (!this.r_C()) {
                    return false;
}
                this.slice_from("e");
                break;
}
}
        else if (among_var === 5) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("é");
}
        else if (among_var === 6) {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_V()) {
                return false;
}
            this.slice_from("au");
}
        else if (among_var === 7) {
            while (true) {
                var v_5 = this.limit - this.cursor;
                try {
                    if (!this.eq_s_b("hed")) {
                        throw lab0;
}
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    this.slice_from("heid");
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_5;
                try {
                    if (!this.eq_s_b("nd")) {
                        throw lab0;
}
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_5;
                try {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "d") {
                        throw lab0;
}
                    this.cursor -= 1;
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_C()) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_5;
                try {
                    while (true) {
                        try {
                            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "i") {
                                throw lab1;
}
                            this.cursor -= 1;
                            break;
}
                        catch (e) { if (e !== lab1) throw e; }
                        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "j") {
                            throw lab0;
}
                        this.cursor -= 1;
                        break;
}
                    if (!this.r_V()) {
                        throw lab0;
}
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_5;
                if (!this.r_R1()) {
                    return false;
}
                if (!this.r_C()) {
                    return false;
}
                this.slice_del();
                this.r_lengthen_V();
                break;
}
}
        else {
            this.slice_from("nd");
}
        return true;
}
    S.prototype.r_Step_2 = function () {
        this.ket = this.cursor;
        var among_var = this.find_among_b(S.a_2);
        if (among_var === 0) {
            return false;
}
        this.bra = this.cursor;
        if (among_var === 1) {
            while (true) {
                var v_1 = this.limit - this.cursor;
                try {
                    if (!this.eq_s_b("'t")) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                try {
                    if (!this.eq_s_b("et")) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_C()) {
                        throw lab0;
}
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                try {
                    if (!this.eq_s_b("rnt")) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    this.slice_from("rn");
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                try {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "t") {
                        throw lab0;
}
                    this.cursor -= 1;
                    this.bra = this.cursor;
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_VX()) {
                        throw lab0;
}
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                try {
                    if (!this.eq_s_b("ink")) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    this.slice_from("ing");
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                try {
                    if (!this.eq_s_b("mp")) {
                        throw lab0;
}
                    this.bra = this.cursor;
                    this.slice_from("m");
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                try {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "'") {
                        throw lab0;
}
                    this.cursor -= 1;
                    this.bra = this.cursor;
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.slice_del();
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                this.bra = this.cursor;
                if (!this.r_R1()) {
                    return false;
}
                if (!this.r_C()) {
                    return false;
}
                this.slice_del();
                break;
}
}
        else if (among_var === 2) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("g");
}
        else if (among_var === 3) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("lijk");
}
        else if (among_var === 4) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("isch");
}
        else if (among_var === 5) {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_C()) {
                return false;
}
            this.slice_del();
}
        else if (among_var === 6) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("t");
}
        else if (among_var === 7) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("s");
}
        else if (among_var === 8) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("r");
}
        else if (among_var === 9) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_del();
            this.insert(this.cursor, this.cursor, "l");
            this.r_lengthen_V();
}
        else if (among_var === 10) {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_C()) {
                return false;
}
            this.slice_del();
            this.insert(this.cursor, this.cursor, "en");
            this.r_lengthen_V();
}
        else {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_C()) {
                return false;
}
            this.slice_from("ief");
}
        return true;
}
    S.prototype.r_Step_3 = function () {
        this.ket = this.cursor;
        var among_var = this.find_among_b(S.a_3);
        if (among_var === 0) {
            return false;
}
        this.bra = this.cursor;
        if (among_var === 1) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_from("eer");
}
        else if (among_var === 2) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_del();
            this.r_lengthen_V();
}
        else if (among_var === 3) {
            if (!this.r_R1()) {
                return false;
}
            this.slice_del();
}
        else if (among_var === 4) {
            this.slice_from("r");
}
        else if (among_var === 5) {
            while (true) {
                var v_1 = this.limit - this.cursor;
                try {
                    if (!this.eq_s_b("ild")) {
                        throw lab0;
}
                    this.slice_from("er");
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_1;
                if (!this.r_R1()) {
                    return false;
}
                this.slice_del();
                this.r_lengthen_V();
                break;
}
}
        else if (among_var === 6) {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_C()) {
                return false;
}
            this.slice_from("aar");
}
        else if (among_var === 7) {
            if (!this.r_R2()) {
                return false;
}
            this.slice_del();
            this.insert(this.cursor, this.cursor, "f");
            this.r_lengthen_V();
}
        else if (among_var === 8) {
            if (!this.r_R2()) {
                return false;
}
            this.slice_del();
            this.insert(this.cursor, this.cursor, "g");
            this.r_lengthen_V();
}
        else if (among_var === 9) {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_C()) {
                return false;
}
            this.slice_from("t");
}
        else {
            if (!this.r_R1()) {
                return false;
}
            if (!this.r_C()) {
                return false;
}
            this.slice_from("d");
}
        return true;
}
    S.prototype.r_Step_4 = function () {
        while (true) {
            var v_1 = this.limit - this.cursor;
            try {
                this.ket = this.cursor;
                var among_var = this.find_among_b(S.a_4);
                if (among_var === 0) {
                    throw lab0;
}
                this.bra = this.cursor;
                if (among_var === 1) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.slice_from("ie");
}
                else if (among_var === 2) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.slice_from("eer");
}
                else if (among_var === 3) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.slice_del();
}
                else if (among_var === 4) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_V()) {
                        throw lab0;
}
                    this.slice_from("n");
}
                else if (among_var === 5) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_V()) {
                        throw lab0;
}
                    this.slice_from("l");
}
                else if (among_var === 6) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_V()) {
                        throw lab0;
}
                    this.slice_from("r");
}
                else if (among_var === 7) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.slice_from("teer");
}
                else if (among_var === 8) {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    this.slice_from("lijk");
}
                else {
                    if (!this.r_R1()) {
                        throw lab0;
}
                    if (!this.r_C()) {
                        throw lab0;
}
                    this.slice_del();
                    this.r_lengthen_V();
}
                break;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_1;
            this.ket = this.cursor;
            if (this.find_among_b(S.a_5) === 0) {
                return false;
}
            this.bra = this.cursor;
            if (!this.r_R1()) {
                return false;
}
            var v_2 = this.limit - this.cursor;
            try {
                if (!this.eq_s_b("inn")) {
                    throw lab0;
}
                if (this.cursor > this.limit_backward) {
                    throw lab0;
}
                return false;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_2;
            if (!this.r_C()) {
                return false;
}
            this.slice_del();
            this.r_lengthen_V();
            break;
}
        return true;
}
    S.prototype.r_Step_7 = function () {
        this.ket = this.cursor;
        var among_var = this.find_among_b(S.a_6);
        if (among_var === 0) {
            return false;
}
        this.bra = this.cursor;
        this.slice_from(S.as_6[among_var - 1]);
        return true;
}
    S.prototype.r_Step_6 = function () {
        this.ket = this.cursor;
        var among_var = this.find_among_b(S.a_7);
        if (among_var === 0) {
            return false;
}
        this.bra = this.cursor;
        if (among_var === 1) {
            this.slice_from("b");
}
        else if (among_var === 2) {
            this.slice_from("c");
}
        else if (among_var === 3) {
            this.slice_from("d");
}
        else if (among_var === 4) {
            this.slice_from("f");
}
        else if (among_var === 5) {
            this.slice_from("g");
}
        else if (among_var === 6) {
            this.slice_from("h");
}
        else if (among_var === 7) {
            this.slice_from("j");
}
        else if (among_var === 8) {
            this.slice_from("k");
}
        else if (among_var === 9) {
            this.slice_from("l");
}
        else if (among_var === 10) {
            this.slice_from("m");
}
        else if (among_var === 11) {
            var v_1 = this.limit - this.cursor;
            try {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "i") {
                    throw lab0;
}
                this.cursor -= 1;
                if (this.cursor > this.limit_backward) {
                    throw lab0;
}
                return false;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_1;
            this.slice_from("n");
}
        else if (among_var === 12) {
            this.slice_from("p");
}
        else if (among_var === 13) {
            this.slice_from("q");
}
        else if (among_var === 14) {
            this.slice_from("r");
}
        else if (among_var === 15) {
            this.slice_from("s");
}
        else if (among_var === 16) {
            this.slice_from("t");
}
        else if (among_var === 17) {
            this.slice_from("v");
}
        else if (among_var === 18) {
            this.slice_from("w");
}
        else if (among_var === 19) {
            this.slice_from("x");
}
        else {
            this.slice_from("z");
}
        return true;
}
    S.prototype.r_Step_1c = function () {
        this.ket = this.cursor;
        var among_var = this.find_among_b(S.a_8);
        if (among_var === 0) {
            return false;
}
        this.bra = this.cursor;
        if (!this.r_R1()) {
            return false;
}
        if (!this.r_C()) {
            return false;
}
        if (among_var === 1) {
            var v_1 = this.limit - this.cursor;
            try {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "n") {
                    throw lab0;
}
                this.cursor -= 1;
                if (!this.r_R1()) {
                    throw lab0;
}
                return false;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_1;
            while (true) {
                var v_2 = this.limit - this.cursor;
                try {
                    if (!this.eq_s_b("in")) {
                        throw lab0;
}
                    if (this.cursor > this.limit_backward) {
                        throw lab0;
}
                    this.slice_from("n");
                    break;
}
                catch (e) { if (e !== lab0) throw e; }
                this.cursor = this.limit - v_2;
                this.slice_del();
                break;
}
}
        else {
            var v_3 = this.limit - this.cursor;
            try {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "h") {
                    throw lab0;
}
                this.cursor -= 1;
                if (!this.r_R1()) {
                    throw lab0;
}
                return false;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_3;
            var v_4 = this.limit - this.cursor;
            try {
                if (!this.eq_s_b("en")) {
                    throw lab0;
}
                if (this.cursor > this.limit_backward) {
                    throw lab0;
}
                return false;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = this.limit - v_4;
            this.slice_del();
}
        return true;
}
    S.prototype.r_Lose_prefix = function () {
        this.bra = this.cursor;
        if (!this.eq_s("ge")) {
            return false;
}
        this.ket = this.cursor;
        var v_1 = this.cursor;
        if (this.cursor + 3 > this.limit) {
            return false;
}
        this.cursor += 3;
        this.cursor = v_1;
        var v_2 = this.cursor;
        while (true) {
            var v_3 = this.cursor;
            try {
                while (true) {
                    try {
                        if (!this.eq_s("ij")) {
                            throw lab1;
}
                        break;
}
                    catch (e) { if (e !== lab1) throw e; }
                    if (!this.in_grouping(S.g_v)) {
                        throw lab0;
}
                    break;
}
                break;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = v_3;
            if (this.cursor >= this.limit) {
                return false;
}
            this.cursor += 1;
}
        while (true) {
            var v_4 = this.cursor;
            try {
                while (true) {
                    try {
                        if (!this.eq_s("ij")) {
                            throw lab1;
}
                        break;
}
                    catch (e) { if (e !== lab1) throw e; }
                    if (!this.in_grouping(S.g_v)) {
                        throw lab0;
}
                    break;
}
                continue;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = v_4;
            break;
}
        if (this.cursor >= this.limit) {
            return false;
}
        this.cursor = v_2;
        var among_var = this.find_among(S.a_9);
        if (among_var === 1) {
            return false;
}
        this.B_GE_removed = true;
        this.slice_del();
        var v_5 = this.cursor;
        try {
            this.bra = this.cursor;
            var among_var = this.find_among(S.a_10);
            if (among_var === 0) {
                throw lab0;
}
            this.ket = this.cursor;
            this.slice_from(S.as_10[among_var - 1]);
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = v_5;
        return true;
}
    S.prototype.r_Lose_infix = function () {
        if (this.cursor >= this.limit) {
            return false;
}
        this.cursor += 1;
        while (true) {
            try {
                this.bra = this.cursor;
                if (!this.eq_s("ge")) {
                    throw lab0;
}
                this.ket = this.cursor;
                break;
}
            catch (e) { if (e !== lab0) throw e; }
            if (this.cursor >= this.limit) {
                return false;
}
            this.cursor += 1;
}
        var v_1 = this.cursor;
        if (this.cursor + 3 > this.limit) {
            return false;
}
        this.cursor += 3;
        this.cursor = v_1;
        var v_2 = this.cursor;
        while (true) {
            var v_3 = this.cursor;
            try {
                while (true) {
                    try {
                        if (!this.eq_s("ij")) {
                            throw lab1;
}
                        break;
}
                    catch (e) { if (e !== lab1) throw e; }
                    if (!this.in_grouping(S.g_v)) {
                        throw lab0;
}
                    break;
}
                break;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = v_3;
            if (this.cursor >= this.limit) {
                return false;
}
            this.cursor += 1;
}
        while (true) {
            var v_4 = this.cursor;
            try {
                while (true) {
                    try {
                        if (!this.eq_s("ij")) {
                            throw lab1;
}
                        break;
}
                    catch (e) { if (e !== lab1) throw e; }
                    if (!this.in_grouping(S.g_v)) {
                        throw lab0;
}
                    break;
}
                continue;
}
            catch (e) { if (e !== lab0) throw e; }
            this.cursor = v_4;
            break;
}
        if (this.cursor >= this.limit) {
            return false;
}
        this.cursor = v_2;
        this.B_GE_removed = true;
        this.slice_del();
        var v_5 = this.cursor;
        try {
            this.bra = this.cursor;
            var among_var = this.find_among(S.a_11);
            if (among_var === 0) {
                throw lab0;
}
            this.ket = this.cursor;
            this.slice_from(S.as_11[among_var - 1]);
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = v_5;
        return true;
}
    S.prototype.r_measure = function () {
        this.I_p1 = this.limit;
        this.I_p2 = this.limit;
        var v_1 = this.cursor;
        try {
            while (true) {
                try {
                    if (!this.out_grouping(S.g_v)) {
                        throw lab1;
}
                    continue;
}
                catch (e) { if (e !== lab1) throw e; }
                break;
}
            var v_2 = 1;
            while (true) {
                var v_3 = this.cursor;
                try {
                    while (true) {
                        try {
                            if (!this.eq_s("ij")) {
                                throw lab2;
}
                            break;
}
                        catch (e) { if (e !== lab2) throw e; }
                        if (!this.in_grouping(S.g_v)) {
                            throw lab1;
}
                        break;
}
                    v_2 -= 1;
                    continue;
}
                catch (e) { if (e !== lab1) throw e; }
                this.cursor = v_3;
                break;
}
            if (v_2 > 0) {
                throw lab0;
}
            if (!this.out_grouping(S.g_v)) {
                throw lab0;
}
            this.I_p1 = this.cursor;
            while (true) {
                try {
                    if (!this.out_grouping(S.g_v)) {
                        throw lab1;
}
                    continue;
}
                catch (e) { if (e !== lab1) throw e; }
                break;
}
            var v_4 = 1;
            while (true) {
                var v_5 = this.cursor;
                try {
                    while (true) {
                        try {
                            if (!this.eq_s("ij")) {
                                throw lab2;
}
                            break;
}
                        catch (e) { if (e !== lab2) throw e; }
                        if (!this.in_grouping(S.g_v)) {
                            throw lab1;
}
                        break;
}
                    v_4 -= 1;
                    continue;
}
                catch (e) { if (e !== lab1) throw e; }
                this.cursor = v_5;
                break;
}
            if (v_4 > 0) {
                throw lab0;
}
            if (!this.out_grouping(S.g_v)) {
                throw lab0;
}
            this.I_p2 = this.cursor;
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = v_1;
        return true;
}
    S.prototype._stem = function () {
        var B_stemmed = false;
        this.r_measure();
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        var v_1 = this.limit - this.cursor;
        try {
            if (!this.r_Step_1()) {
                throw lab0;
}
            var B_stemmed = true;
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_1;
        var v_2 = this.limit - this.cursor;
        try {
            if (!this.r_Step_2()) {
                throw lab0;
}
            var B_stemmed = true;
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_2;
        var v_3 = this.limit - this.cursor;
        try {
            if (!this.r_Step_3()) {
                throw lab0;
}
            var B_stemmed = true;
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_3;
        var v_4 = this.limit - this.cursor;
        try {
            if (!this.r_Step_4()) {
                throw lab0;
}
            var B_stemmed = true;
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_4;
        this.cursor = this.limit_backward;
        this.B_GE_removed = false;
        var v_5 = this.cursor;
        try {
            var v_6 = this.cursor;
            if (!this.r_Lose_prefix()) {
                throw lab0;
}
            this.cursor = v_6;
            this.r_measure();
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = v_5;
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        var v_7 = this.limit - this.cursor;
        try {
            if (!this.B_GE_removed) {
                throw lab0;
}
            var B_stemmed = true;
            if (!this.r_Step_1c()) {
                throw lab0;
}
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_7;
        this.cursor = this.limit_backward;
        this.B_GE_removed = false;
        var v_8 = this.cursor;
        try {
            var v_9 = this.cursor;
            if (!this.r_Lose_infix()) {
                throw lab0;
}
            this.cursor = v_9;
            this.r_measure();
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = v_8;
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        var v_10 = this.limit - this.cursor;
        try {
            if (!this.B_GE_removed) {
                throw lab0;
}
            var B_stemmed = true;
            if (!this.r_Step_1c()) {
                throw lab0;
}
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_10;
        this.cursor = this.limit_backward;
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        var v_11 = this.limit - this.cursor;
        try {
            if (!this.r_Step_7()) {
                throw lab0;
}
            var B_stemmed = true;
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_11;
        var v_12 = this.limit - this.cursor;
        try {
            if (!B_stemmed) {
                throw lab0;
}
            if (!this.r_Step_6()) {
                throw lab0;
}
}
        catch (e) { if (e !== lab0) throw e; }
        this.cursor = this.limit - v_12;
        this.cursor = this.limit_backward;
        return true;
}

var stemmer = new S();
root.stemNl = function (word) {
  stemmer.setCurrent(word);
  stemmer._stem();
  return stemmer.current;
};
})(typeof self !== "undefined" ? self : globalThis);
