local M = {}
function M.good(r) return r == "xuat_sac" or r == "tot" end
return M
